import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tempDir } from '../__fixtures__/lines';
import { klarnaCase, plantedExport, recordsOf } from '../__fixtures__/planted-export';
import { toJsonLine } from '../export-record';
import { type NodeRun, runNode } from '../__fixtures__/run-node';

// The command line as a child process, exactly as `order-liability` runs, but from the
// TypeScript source through tsx (a root dev dependency): tsx resolves @order-liability/*
// through the root tsconfig's paths, so the test needs no build and always runs the code
// under test. The built bin runs the same modules compiled by tsc and bundled
// (scripts/bundle-cli.mjs); built-bin.test.ts checks that it prints what this program prints.
const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'packages/audit/src/cli.ts');

const cli = (...args: string[]): Promise<NodeRun> =>
  runNode(['--import', 'tsx', CLI, ...args], ROOT);

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(join(dir, 'planted.jsonl'), `${plantedExport().lines.join('\n')}\n`);
  await writeFile(
    join(dir, 'clean.jsonl'),
    `${recordsOf('ok', klarnaCase('ok')).map(toJsonLine).join('\n')}\n`,
  );
});

afterAll(() => removeDir());

describe('order-liability as a process', () => {
  it('exits 0 on a clean export, the report alone on stdout', async () => {
    const run = await cli('audit', '--input', join(dir, 'clean.jsonl'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      summary: { orders: 1, events: 6, invalid: 0, discrepancies: 0 },
    });
    // stderr is not a terminal here: no progress bar, only the closing summary.
    expect(run.stderr).toBe('audited 1 orders, 6 events: 0 discrepancies, 0 invalid records\n');
  }, 30_000);

  it('exits 1 on findings', async () => {
    const run = await cli('audit', '--input', join(dir, 'planted.jsonl'), '--format', 'markdown');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('### Order `differ`: lines-differ');
  }, 30_000);

  it('exits 2 with a one-line message and no stack trace', async () => {
    const run = await cli('audit', '--input', join(dir, 'missing.jsonl'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `order-liability: cannot read ${join(dir, 'missing.jsonl')}: ENOENT: no such file or directory, stat '${join(dir, 'missing.jsonl')}'\n`,
    );
  }, 30_000);

  it('prints help and exits 0', async () => {
    const run = await cli('decide', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--merchant-view');
  }, 30_000);
});
