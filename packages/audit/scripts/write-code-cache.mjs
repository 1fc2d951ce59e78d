// @ts-check
// Runs the start-up bundle once, as `order-liability --help` (the build passes the flag), and
// writes beside it V8's code cache of what the run compiled: the bundle's top level and every
// function start-up called, which V8 otherwise compiles lazily on every run.
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { codeCacheOf, runWithCodeCache } from '../dist/cli/code-cache.js';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const script = runWithCodeCache(main);
process.on('exit', () => {
  writeFileSync(codeCacheOf(main), script.createCachedData());
});
