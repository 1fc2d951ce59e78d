// Issue 13: `order-liability generate` gives auditors the generator the tests and the
// benchmark use, with planted faults on request.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { captureIo } from '../__fixtures__/cli-io';
import { tempDir } from '../__fixtures__/lines';
import { generateExport } from '../generate/generate-export';
import { runCli } from './run-cli';

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
const file = (name: string): string => join(dir, name);
beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(() => removeDir());

const run = async (...argv: string[]) => {
  const captured = captureIo();
  const code = await runCli(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
};

describe('order-liability generate (issue 13)', () => {
  it('writes the generated export, the same as generateExport for the seed, and it audits clean', async () => {
    const made = await run(
      'generate',
      '--orders',
      '30',
      '--seed',
      '7',
      '--output',
      file('clean.jsonl.gz'),
    );
    const expected = [...generateExport({ orders: 30, seed: 7 })];
    expect([made.code, made.stderr]).toEqual([
      0,
      `generated 30 orders (seed 7), ${expected.length} lines, to ${file('clean.jsonl.gz')}\n`,
    ]);
    expect(gunzipSync(await readFile(file('clean.jsonl.gz'))).toString()).toBe(
      `${expected.join('\n')}\n`,
    );
    const audit = await run('audit', '--input', file('clean.jsonl.gz'));
    expect(audit.code).toBe(0);
  });

  it('plants five faults with --faults, lists them, and the audit finds each', async () => {
    const made = await run(
      'generate',
      '--orders',
      '60',
      '--faults',
      '--output',
      file('faults.jsonl'),
    );
    expect(made.code).toBe(0);
    const planted = made.stderr.split('\n').filter((line) => line.startsWith('planted: '));
    expect(planted.map((line) => line.replace(/^planted: (order-ord-\d+: )?/, ''))).toEqual([
      'line after record 100: cut off mid-line (not JSON)',
      '25,00 too much paid out (lines-differ)',
      'its booking was lost (fraud-not-booked)',
      'booked a second time (booked-twice)',
      'a dispute dated 30 February (invalid event)',
    ]);
    const audit = await run('audit', '--input', file('faults.jsonl'));
    expect(audit.code).toBe(1);
    const report = JSON.parse(audit.stdout) as {
      discrepancies: { kind: string }[];
      invalid: { reason: string }[];
    };
    expect(report.discrepancies.map((d) => d.kind).sort()).toEqual([
      'booked-twice',
      'fraud-not-booked',
      'lines-differ',
    ]);
    expect(report.invalid.map((entry) => entry.reason.split(':')[0])).toEqual([
      'not JSON',
      'invalid event',
    ]);
  });

  it('needs --orders and --output', async () => {
    const { code, stderr } = await run('generate', '--output', file('x.jsonl'));
    expect([code, stderr]).toEqual([
      2,
      "order-liability: required option '--orders <n>' not specified\n",
    ]);
  });
});
