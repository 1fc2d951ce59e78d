import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InMemoryEventStore } from '@order-liability/store';
import { captureIo } from '../__fixtures__/cli-io';
import { tempDir } from '../__fixtures__/lines';
import { klarnaCase, plantedExport, recordsOf } from '../__fixtures__/planted-export';
import { toJsonLine } from '../export-record';
import { runCli } from './run-cli';

const planted = plantedExport();
let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(file('planted.jsonl'), `${planted.lines.join('\n')}\n`);
  await writeFile(
    file('clean.jsonl'),
    `${recordsOf('ok', klarnaCase('ok')).map(toJsonLine).join('\n')}\n`,
  );
  await writeFile(
    file('policy.json'),
    '{"recallableCarriers":[],"requireMerchantRecallForOtherCarriers":true}',
  );
  await writeFile(file('bad-policy.json'), '{"responseDeadlineHours":"soon"}');
  // The program loads on first use (run-cli.ts); load it here, under this hook's longer
  // timeout, rather than in whichever test runs first on a busy machine.
  await runCli(['--help'], captureIo().io);
}, 60_000);

afterAll(() => removeDir());

const run = async (...argv: string[]) => {
  const captured = captureIo();
  const code = await runCli(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
};

const oneLine = (text: string): void => {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.trimEnd().split('\n')).toHaveLength(1);
};

describe('order-liability audit', () => {
  it('prints only the JSON report on stdout and exits 1 on findings', async () => {
    const { code, stdout, stderr } = await run('audit', '--input', file('planted.jsonl'));
    expect(code).toBe(1);
    const report: unknown = JSON.parse(stdout);
    expect(report).toMatchObject({
      summary: { orders: 12, events: 51, invalid: 5, discrepancies: 4 },
    });
    expect(stderr).toBe('audited 12 orders, 51 events: 4 discrepancies, 5 invalid records\n');
  });

  it('exits 0 on a clean export', async () => {
    const { code, stdout } = await run(
      'audit',
      '--input',
      file('clean.jsonl'),
      '--format',
      'markdown',
    );
    expect(code).toBe(0);
    expect(
      stdout.startsWith(
        `# Order liability audit\n\nSource: \`${file('clean.jsonl')}\` · Policy: default\n`,
      ),
    ).toBe(true);
  });

  it('writes CSV, one row per order', async () => {
    const { stdout } = await run('audit', '--input', file('planted.jsonl'), '--format', 'csv');
    const rows = stdout.trimEnd().split('\r\n');
    // Header, 12 orders, 5 invalid records.
    expect(rows).toHaveLength(18);
    expect(rows[2]).toBe(
      'differ,settled,klarna,DKK,-125000,100000,"Returnering (bedrageri) -1.250,00 DKK; Bedrageripolicy 1.000,00 DKK",1,lines-differ,SR-5 SR-10 SR-7 SR-9,,,,',
    );
    expect(rows[14]).toBe(
      `,,,,,,,,,,${planted.gapLine},order-gap,3,"revision gap: expected 2, got 3"`,
    );
  });

  it('writes order ids a spreadsheet would run as formulas as plain text', async () => {
    const formula = '=HYPERLINK("http://evil.example","x")';
    await writeFile(
      file('formula.jsonl'),
      `${recordsOf(formula, klarnaCase(formula)).map(toJsonLine).join('\n')}\n`,
    );
    const { stdout } = await run('audit', '--input', file('formula.jsonl'), '--format', 'csv');
    expect(stdout.split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")",settled,klarna,DKK,-125000,100000,"Returnering (bedrageri) -1.250,00 DKK; Bedrageripolicy 1.000,00 DKK",1,,SR-5 SR-10 SR-7 SR-9,,,,`,
    );
  });

  it('writes the report to --out and nothing to stdout', async () => {
    const { code, stdout, stderr } = await run(
      'audit',
      '--input',
      file('planted.jsonl'),
      '--out',
      file('report.json'),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`report written to ${file('report.json')}`);
    const report: unknown = JSON.parse(await readFile(file('report.json'), 'utf8'));
    expect(report).toMatchObject({ summary: { discrepancies: 4 } });
  });

  it('applies --policy and --as-of', async () => {
    const withPolicy = await run(
      'audit',
      '--input',
      file('planted.jsonl'),
      '--policy',
      file('policy.json'),
    );
    expect(JSON.parse(withPolicy.stdout)).toMatchObject({ summary: { discrepancies: 7 } });
    const earlier = await run(
      'audit',
      '--input',
      file('planted.jsonl'),
      '--as-of',
      '2026-03-09T10:00:00Z',
    );
    expect(JSON.parse(earlier.stdout)).toMatchObject({ summary: { events: 37, discrepancies: 0 } });
  });

  it.each([
    [
      ['--input', '/no/such.jsonl'],
      "order-liability: cannot read /no/such.jsonl: ENOENT: no such file or directory, stat '/no/such.jsonl'",
    ],
    [
      ['--input', 'x', '--as-of', 'yesterday'],
      'order-liability: --as-of "yesterday" is not an ISO-8601 UTC time; write it like 2026-03-01T00:00:00Z',
    ],
    [
      ['--input', 'x', '--format', 'xml'],
      "order-liability: option '--format <format>' argument 'xml' is invalid. Allowed choices are json, csv, markdown, html.",
    ],
    [
      [],
      'order-liability: give one source: --input <file>, --eventstore <connection> or --postgres <connection>',
    ],
    [
      ['--input', 'x', '--postgres', 'y'],
      "order-liability: option '--input <file>' cannot be used with option '--postgres <connection>'",
    ],
    [['--input', 'x', '--bogus'], "order-liability: unknown option '--bogus'"],
    [
      ['--input', 'x', '--partitions', 'many'],
      "order-liability: option '--partitions <n>' argument 'many' is invalid. expected a whole number, 1 or more.",
    ],
  ])('exits 2 with one line for a usage or I/O error: %j', async (args, message) => {
    const { code, stdout, stderr } = await run('audit', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    oneLine(stderr);
    expect(stderr).toBe(`${message}\n`);
  });

  it('exits 2 for a bad policy file, before reading the export', async () => {
    const { code, stderr } = await run(
      'audit',
      '--input',
      '/no/such.jsonl',
      '--policy',
      file('bad-policy.json'),
    );
    expect(code).toBe(2);
    oneLine(stderr);
    expect(stderr).toContain('is not a valid policy: responseDeadlineHours');
  });

  it('exits 2 when the report cannot be written', async () => {
    const { code, stderr } = await run(
      'audit',
      '--input',
      file('clean.jsonl'),
      '--out',
      '/no/such/dir/r.json',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^order-liability: cannot write \/no\/such\/dir\/r.json: ENOENT/);
  });

  it('shows a progress bar only on a terminal', async () => {
    const tty = captureIo(undefined, true);
    expect(await runCli(['audit', '--input', file('clean.jsonl')], tty.io)).toBe(0);
    expect(tty.stderr()).toContain('records/s');
    expect(tty.stderr()).toContain('ETA');
    const piped = await run('audit', '--input', file('clean.jsonl'));
    expect(piped.stderr).toBe('audited 1 orders, 6 events: 0 discrepancies, 0 invalid records\n');
  });
});

describe('order-liability decide', () => {
  it('prints the case with liability and status as the contract spells them', async () => {
    const { code, stdout } = await run(
      'decide',
      '--input',
      file('planted.jsonl'),
      '--order',
      'split',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('  status:    settled\n  liability: split\n');
    expect(stdout).toContain('riskNotes');
  });

  it('prints only the merchant view, without risk notes', async () => {
    const { code, stdout } = await run(
      'decide',
      '--input',
      file('planted.jsonl'),
      '--order',
      'split',
      '--merchant-view',
    );
    expect(code).toBe(0);
    const view: unknown = JSON.parse(stdout);
    expect(view).toMatchObject({ orderId: 'split', status: 'settled', liability: 'split' });
    expect(stdout).not.toContain('riskNotes');
    expect(stdout).not.toContain('velocity');
  });

  it("lists the case's invalid records on stderr and exits 1", async () => {
    const { code, stderr } = await run(
      'decide',
      '--input',
      file('planted.jsonl'),
      '--order',
      'codec',
    );
    expect(code).toBe(1);
    expect(stderr.split('\n')[1]).toBe(
      `invalid: line ${planted.unknownLine}, order-codec, revision 2: unknown event type "OrderTeleported"`,
    );
  });

  it('exits 2 for an order that is not in the export, or a missing flag', async () => {
    const missing = await run('decide', '--input', file('planted.jsonl'), '--order', 'nobody');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `order-liability: order "nobody" is not in ${file('planted.jsonl')}\n`,
    );
    const noOrder = await run('decide', '--input', file('planted.jsonl'));
    expect(noOrder.code).toBe(2);
    expect(noOrder.stderr).toBe(
      "order-liability: required option '--order <orderId>' not specified\n",
    );
  });
});

describe('order-liability import and export', () => {
  it('loads an export into a store, refuses existing streams, and writes it back out', async () => {
    const store = new InMemoryEventStore();
    const captured = captureIo(store);
    expect(
      await runCli(
        ['import', '--input', file('planted.jsonl'), '--eventstore', 'esdb://x'],
        captured.io,
      ),
    ).toBe(1);
    expect(captured.stderr().trimEnd().split('\n').at(-1)).toBe(
      'imported 51 events into 12 streams; 0 streams refused, 5 invalid records left out',
    );
    expect(captured.opened).toEqual([{ kind: 'eventstore', connection: 'esdb://x' }]);

    const again = captureIo(store);
    expect(
      await runCli(
        [
          'import',
          '--input',
          file('clean.jsonl'),
          '--postgres',
          'pg://x',
          '--postgres-schema',
          's',
        ],
        again.io,
      ),
    ).toBe(0);
    const twice = captureIo(store);
    expect(
      await runCli(['import', '--input', file('clean.jsonl'), '--postgres', 'pg://x'], twice.io),
    ).toBe(1);
    expect(twice.stderr()).toBe(
      'refused: order-ok: the stream already exists in the store\nimported 0 events into 0 streams; 1 streams refused, 0 invalid records left out\n',
    );
    expect(again.opened).toEqual([{ kind: 'postgres', connection: 'pg://x', schema: 's' }]);

    const exported = captureIo(store);
    expect(
      await runCli(
        ['export', '--eventstore', 'esdb://x', '--output', file('out.jsonl.gz')],
        exported.io,
      ),
    ).toBe(0);
    expect(exported.stderr()).toBe(`exported 57 events to ${file('out.jsonl.gz')}\n`);

    const audited = await run('audit', '--input', file('out.jsonl.gz'));
    expect(audited.code).toBe(1);
    expect(JSON.parse(audited.stdout)).toMatchObject({
      summary: { orders: 13, events: 57, invalid: 0, discrepancies: 4 },
    });

    const fromStore = captureIo(store);
    expect(await runCli(['audit', '--eventstore', 'esdb://x'], fromStore.io)).toBe(1);
    expect(JSON.parse(fromStore.stdout())).toEqual(JSON.parse(audited.stdout));
  });

  it('needs a store for export and import', async () => {
    const noStore = await run('export', '--output', file('x.jsonl'));
    expect(noStore.code).toBe(2);
    expect(noStore.stderr).toBe(
      'order-liability: give one source: --eventstore <connection> or --postgres <connection>\n',
    );
    const noInput = await run('import', '--eventstore', 'esdb://x');
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toBe(
      "order-liability: required option '--input <file>' not specified\n",
    );
  });
});

describe('--help', () => {
  it.each([[[]], [['audit']], [['decide']], [['export']], [['import']]])(
    'is there for %j',
    async (command) => {
      const { code, stdout } = await run(...command, '--help');
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: order-liability');
      expect(stdout).toContain(
        'Exit codes: 0 clean, 1 discrepancies or invalid records found, 2 usage or I/O error.',
      );
    },
  );

  it('is shown, with exit 2, when no command is given', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: order-liability');
  });
});
