// PostgreSQL benchmark (issues 6 and 15): the adapter against bare `pg` on an embedded server.
// The sides run in a process of their own (postgresql-sides.ts, which says what is measured) on
// built JavaScript, the adapter from dist/ as users run it; this part relays its progress lines
// and reads the section it prints.
import { join } from 'node:path';
import { runSectionInChild } from './built-child';

export const runPostgreSQLBench = runSectionInChild(join(__dirname, 'postgresql-sides.ts'));
