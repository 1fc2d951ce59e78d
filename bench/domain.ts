// Folding benchmark (bench/domain-part.ts says what it measures), run in a process of its own on
// the built dist/, the code users run, as the reducers it compares with are plain JavaScript.
import { join } from 'node:path';
import { runSectionInChild } from './built-child';

export const runDomainBench = runSectionInChild(join(__dirname, 'domain-part.ts'));
