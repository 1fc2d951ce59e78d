import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tempDir } from '../__fixtures__/lines';
import { type NodeRun, runNode } from '../__fixtures__/run-node';

// runWithCodeCache runs a file with vm.Script in the main context, which Jest's sandbox is
// not: each case runs the built code-cache.js (what `pnpm test` builds before Jest) in a child
// process.
const ROOT = resolve(__dirname, '../../../..');
const RUNNER = join(ROOT, 'packages/audit/dist/cli/code-cache.js');
const BUNDLE = join(ROOT, 'packages/audit/dist/cli/main.js');

/** Runs `node -e program` with these arguments after it. */
const node = (program: string, ...args: string[]): Promise<NodeRun> =>
  runNode(['-e', program, ...args], dir);

// Runs `file` with the code cache, then prints whether V8 took the cache; `write` writes the
// cache of what the run compiled.
const runProgram = (file: string, write: boolean): string => `
  const { codeCacheOf, runWithCodeCache } = require(${JSON.stringify(RUNNER)});
  const script = runWithCodeCache(${JSON.stringify(file)});
  process.on('exit', () => {
    console.log('rejected', script.cachedDataRejected);
    if (${String(write)}) require('node:fs').writeFileSync(codeCacheOf(${JSON.stringify(file)}), script.createCachedData());
  });
`;

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  const main = [
    '#!/usr/bin/env node',
    "const { twice } = require('./twice');",
    'console.log(twice(21), JSON.stringify([__filename, __dirname]));',
    'module.exports = { ran: true };',
    "if (process.argv.includes('--fail')) throw new Error('failed here');",
  ].join('\n');
  // One copy of the file for each case, so that a cache one case writes is its own.
  await Promise.all(
    ['main.js', 'cached.js', 'stale.js'].map((name) => writeFile(join(dir, name), main)),
  );
  await writeFile(join(dir, 'stale.js.cache'), 'not what V8 wrote');
  await writeFile(join(dir, 'twice.js'), 'exports.twice = (n) => 2 * n;\n');
});

afterAll(() => removeDir());

describe('runWithCodeCache', () => {
  // What the file prints: the sum its sibling module made, its own path and folder.
  const printed = (name: string): string => `42 ${JSON.stringify([join(dir, name), dir])}\n`;

  it('given no cache, then it runs the file as require would, with its own require and paths', async () => {
    const run = await node(runProgram(join(dir, 'main.js'), false));

    expect(run).toEqual({
      code: 0,
      stdout: `${printed('main.js')}rejected undefined\n`,
      stderr: '',
    });
  });

  it('given the cache of an earlier run, then V8 takes it and the file runs the same', async () => {
    const first = await node(runProgram(join(dir, 'cached.js'), true));
    const second = await node(runProgram(join(dir, 'cached.js'), false));

    expect([first.stdout, second.stdout]).toEqual([
      `${printed('cached.js')}rejected undefined\n`,
      `${printed('cached.js')}rejected false\n`,
    ]);
  });

  it('given a cache V8 did not write, then V8 rejects it and the file compiles as usual', async () => {
    const run = await node(runProgram(join(dir, 'stale.js'), false));

    expect(run).toEqual({ code: 0, stdout: `${printed('stale.js')}rejected true\n`, stderr: '' });
  });

  it('given a throw, then the stack names the file and the line of the source', async () => {
    const run = await node(runProgram(join(dir, 'main.js'), false), 'x', '--fail');

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'main.js')}:5`);
    expect(run.stderr).toContain('Error: failed here');
  });

  it('given the built start-up bundle, then this Node takes the cache the build wrote', async () => {
    const run = await node(runProgram(BUNDLE, false), 'x', '--version');

    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\nrejected false\n$/);
  });
});
