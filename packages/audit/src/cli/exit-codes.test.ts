// Issue 13: exit codes say what happened — nothing to audit, a decided case with findings,
// an empty connection string.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InMemoryEventStore } from '@order-liability/store';
import { captureIo } from '../__fixtures__/cli-io';
import { tempDir } from '../__fixtures__/lines';
import { plantedExport } from '../__fixtures__/planted-export';
import { runCli } from './run-cli';

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
const file = (name: string): string => join(dir, name);
beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(file('empty.jsonl'), '');
  await writeFile(file('blank.jsonl'), '\n\r\n\n');
  await writeFile(file('planted.jsonl'), `${plantedExport().lines.join('\n')}\n`);
});
afterAll(() => removeDir());

const run = async (argv: readonly string[], store?: InMemoryEventStore) => {
  const captured = captureIo(store);
  const code = await runCli(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
};

describe('exit codes (issue 13)', () => {
  it.each(['empty.jsonl', 'blank.jsonl'])(
    'an export with no record (%s) is exit 2, nothing to audit',
    async (name) => {
      const { code, stdout, stderr } = await run(['audit', '--input', file(name)]);
      expect([code, stdout, stderr]).toEqual([
        2,
        '',
        `order-liability: nothing to audit: ${file(name)} holds no record\n`,
      ]);
    },
  );

  it('an empty store is exit 2, nothing to audit', async () => {
    const { code, stderr } = await run(
      ['audit', '--eventstore', 'esdb://x'],
      new InMemoryEventStore(),
    );
    expect([code, stderr]).toEqual([
      2,
      'order-liability: nothing to audit: EventStoreDB holds no record\n',
    ]);
  });

  it('decide exits 1 when the case has a discrepancy, naming it', async () => {
    const { code, stdout, stderr } = await run([
      'decide',
      '--input',
      file('planted.jsonl'),
      '--order',
      'differ',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('\nDiscrepancies\n  lines-differ\n');
    expect(stderr).toBe('discrepancy: order-differ: lines-differ\n');
    const clean = await run(['decide', '--input', file('planted.jsonl'), '--order', 'clean']);
    expect([clean.code, clean.stderr]).toEqual([0, '']);
    expect(clean.stdout).toContain('\nDiscrepancies\n  (none)\n');
  });

  it.each([
    [['audit', '--postgres', ''], '--postgres'],
    [['audit', '--eventstore', ' '], '--eventstore'],
    [['audit', '--input', ''], '--input'],
    [['export', '--postgres', '', '--output', 'x.jsonl'], '--postgres'],
    [['import', '--postgres', '', '--input', 'x.jsonl'], '--postgres'],
    [['audit', '--postgres', 'postgres://db/x', '--postgres-schema', ''], '--postgres-schema'],
  ])('an empty value %j is a usage error, exit 2', async (argv, flag) => {
    const { code, stderr } = await run(argv, new InMemoryEventStore());
    expect([code, stderr]).toEqual([2, `order-liability: ${flag} is empty; give a value\n`]);
  });
});
