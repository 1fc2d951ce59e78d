// `pnpm docs`: rewrites the generated documents from the code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDecisionTable } from './decision-table';

writeFileSync(join(__dirname, '..', 'decision-table.md'), renderDecisionTable());
process.stdout.write('docs/decision-table.md written\n');
