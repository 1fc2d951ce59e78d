import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Command } from '@order-liability/domain';
import { InMemoryEventStore } from '@order-liability/store';
import { captureIo } from '../__fixtures__/cli-io';
import { tempDir } from '../__fixtures__/lines';
import { at, klarnaCase, recordsOf } from '../__fixtures__/planted-export';
import { toJsonLine } from '../export-record';
import { runCli } from './run-cli';

// Shipped with GLS but without a tracking number (SR-6): the merchant carries the loss.
const merchantCase = (orderId: string): Command[] => [
  ...klarnaCase(orderId).slice(0, 1),
  {
    type: 'ReportShipment',
    data: { orderId, carrier: 'GLS', shippedAt: at(-24), reportedAt: at(2) },
  },
  ...klarnaCase(orderId).slice(2),
];

const exportLines = [
  ...recordsOf('K-1', klarnaCase('K-1')),
  ...recordsOf('M-2', merchantCase('M-2')),
  // Concluded fraud, not booked yet: the decision is recomputed under --policy.
  ...recordsOf('K-3', klarnaCase('K-3').slice(0, 4)),
].map(toJsonLine);

const HEADER =
  'type;detailed_type;amount;currency_code;order_id;merchant_reference1;payment_reference;reversal_reference;klarna_comment';

const payoutCsv = [
  HEADER,
  'SALE;PURCHASE;1250,00;DKK;kl-1;K-1;P-100;;',
  'REVERSAL;FRAUD_POLICY_CHARGE;-1250,00;DKK;kl-1;K-1;P-100;D-1;"fraud; covered"',
  'REVERSAL_MERCHANT_PROTECTION;FRAUD_POLICY_CREDIT_NET;1000,00;DKK;kl-1;K-1;P-100;D-1;',
  'REVERSAL;FRAUD_POLICY_CHARGE;-1250,00;DKK;kl-3;K-3;P-100;D-3;',
  'REVERSAL_MERCHANT_PROTECTION;FRAUD_POLICY_CREDIT_NET;1000,00;DKK;kl-3;K-3;P-100;D-3;',
].join('\n');

const payoutJson = JSON.stringify({
  transactions: [
    {
      type: 'FEE',
      detailed_type: 'DISPUTE_FEE',
      amount: -3500,
      currency_code: 'DKK',
      order_id: 'kl-2',
      merchant_reference1: 'M-2',
      payment_reference: 'P-200',
    },
    {
      type: 'REVERSAL',
      detailed_type: 'REVERSAL',
      amount: -125000,
      currency_code: 'DKK',
      order_id: 'kl-2',
      merchant_reference1: 'M-2',
      payment_reference: 'P-200',
      reversal_reference: 'D-2',
    },
  ],
});

// The charge of K-1 once more in a later payout, and a charge for an order nobody knows.
const laterPayout = [
  'type,detailed_type,amount,currency_code,order_id,merchant_reference1,payment_reference,reversal_reference',
  'REVERSAL,FRAUD_POLICY_CHARGE,-125000,DKK,kl-1,K-1,P-300,D-1',
  'REVERSAL,FRAUD_POLICY_CHARGE,-99900,DKK,kl-9,X-9,P-300,D-9',
  'REVERSAL,FRAUD_POLICY_CHARGE,-12.5x,DKK,kl-8,X-8,P-300,D-8',
].join('\n');

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(file('events.jsonl'), `${exportLines.join('\n')}\n`);
  await writeFile(file('payout-100.csv'), payoutCsv);
  await writeFile(file('payout-200.json.gz'), gzipSync(payoutJson));
  await writeFile(file('payout-300.csv'), laterPayout);
  await writeFile(
    file('policy.json'),
    '{"recallableCarriers":[],"requireMerchantRecallForOtherCarriers":true}',
  );
  await writeFile(file('broken.json'), '{"transactions": [');
  await writeFile(file('damaged.jsonl'), `${[...exportLines, '{not json'].join('\n')}\n`);
});

afterAll(() => removeDir());

const run = async (argv: string[], store?: InMemoryEventStore) => {
  const captured = captureIo(store);
  const code = await runCli(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
};

const reconcile = (...argv: string[]) =>
  run(['reconcile', '--input', file('events.jsonl'), ...argv]);

describe('order-liability reconcile', () => {
  it('exits 0 when every fraud transaction and every expectation match', async () => {
    const { code, stdout, stderr } = await reconcile(
      '--settlement',
      file('payout-100.csv'),
      '--settlement',
      file('payout-200.json.gz'),
    );
    expect(code).toBe(0);
    const report: unknown = JSON.parse(stdout);
    expect(report).toEqual({
      findings: [],
      invalidRows: [],
      totals: {
        byType: [
          {
            detailedType: 'FRAUD_POLICY_CHARGE',
            currency: 'DKK',
            expected: 250000,
            actual: 250000,
          },
          {
            detailedType: 'FRAUD_POLICY_CREDIT_NET',
            currency: 'DKK',
            expected: 200000,
            actual: 200000,
          },
          { detailedType: 'REVERSAL', currency: 'DKK', expected: 125000, actual: 125000 },
        ],
        rows: 7,
        fraudTransactions: 5,
        ignored: 2,
        invalid: 0,
        matched: 5,
        unmatched: 0,
        casesExpecting: 3,
        ordersWithFindings: 0,
      },
    });
    expect(stderr).toBe('reconciled 3 orders with 7 report rows: 0 findings, 0 invalid rows\n');
  });

  it('exits 1 on findings and invalid rows; the JSON lists each finding with orderId and kind', async () => {
    const { code, stdout } = await reconcile(
      '--settlement',
      file('payout-100.csv'),
      file('payout-300.csv'),
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      findings: { orderId: string; kind: string }[];
      invalidRows: unknown[];
    };
    expect(report.findings.map(({ orderId, kind }) => `${orderId} ${kind}`)).toEqual([
      'K-1 duplicate-in-settlement',
      'M-2 missing-in-settlement',
      'kl-9 unexpected-in-settlement',
    ]);
    expect(report.findings[0]).toEqual({
      kind: 'duplicate-in-settlement',
      orderId: 'K-1',
      detailedType: 'FRAUD_POLICY_CHARGE',
      currency: 'DKK',
      amount: 125000,
      reference: 'D-1',
      rows: [
        { file: file('payout-100.csv'), line: 3 },
        { file: file('payout-300.csv'), line: 2 },
      ],
      paymentReferences: ['P-100', 'P-300'],
      rules: ['SR-5', 'SR-10'],
    });
    expect(report.invalidRows).toEqual([
      { file: file('payout-300.csv'), line: 4, reason: 'amount "-12.5x" is not a number' },
    ]);
  });

  it('recomputes unbooked cases under --policy; booked ones stay as booked', async () => {
    const { code, stdout } = await reconcile(
      '--settlement',
      file('payout-100.csv'),
      file('payout-200.json.gz'),
      '--policy',
      file('policy.json'),
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: unknown[] };
    expect(report.findings).toEqual([
      {
        kind: 'amount-differs',
        orderId: 'K-3',
        detailedType: 'FRAUD_POLICY_CHARGE',
        currency: 'DKK',
        expected: 0,
        actual: 125000,
        paymentReferences: ['P-100'],
        rules: ['A-4'],
      },
      {
        kind: 'amount-differs',
        orderId: 'K-3',
        detailedType: 'FRAUD_POLICY_CREDIT_NET',
        currency: 'DKK',
        expected: 0,
        actual: 100000,
        paymentReferences: ['P-100'],
        rules: ['A-4'],
      },
      {
        kind: 'amount-differs',
        orderId: 'K-3',
        detailedType: 'REVERSAL',
        currency: 'DKK',
        expected: 125000,
        actual: 0,
        paymentReferences: [],
        rules: ['A-4'],
      },
    ]);
  });

  it('writes CSV or Markdown, to --out when given', async () => {
    const csv = await reconcile('--settlement', file('payout-300.csv'), '--format', 'csv');
    expect(csv.stdout.split('\r\n').slice(0, 2)).toEqual([
      'order_id,kind,detailed_type,currency,expected,actual,reference,payment_references,rules,rows,reason',
      'K-1,amount-differs,FRAUD_POLICY_CREDIT_NET,DKK,100000,0,,,SR-5 SR-10,,',
    ]);
    const out = file('report.md');
    const markdown = await reconcile(
      '--settlement',
      file('payout-100.csv'),
      '--format',
      'markdown',
      '--out',
      out,
    );
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toBe('');
    expect(markdown.stderr).toBe(
      `reconciled 3 orders with 5 report rows: 1 findings, 0 invalid rows; report written to ${out}\n`,
    );
    expect((await readFile(out, 'utf8')).split('\n').slice(0, 3)).toEqual([
      '# Reconciliation with Klarna settlement reports',
      '',
      `Events: \`${file('events.jsonl')}\` · Settlement reports: \`${file('payout-100.csv')}\` · Policy: default`,
    ]);
  });

  it('reads the cases from a store', async () => {
    const store = new InMemoryEventStore();
    expect(
      (await run(['import', '--input', file('events.jsonl'), '--postgres', 'pg://x'], store)).code,
    ).toBe(0);
    const { code, stderr } = await run(
      [
        'reconcile',
        '--postgres',
        'pg://x',
        '--settlement',
        file('payout-100.csv'),
        file('payout-200.json.gz'),
      ],
      store,
    );
    expect(code).toBe(0);
    expect(stderr).toBe('reconciled 3 orders with 7 report rows: 0 findings, 0 invalid rows\n');
  });

  it.each([
    [
      ['--settlement', '/no/such.csv'],
      "order-liability: cannot read /no/such.csv: ENOENT: no such file or directory, access '/no/such.csv'",
    ],
    [
      ['--settlement', 'payouts.xlsx'],
      'order-liability: payouts.xlsx: a settlement report must be named .csv or .json (optionally .gz)',
    ],
    [[], "order-liability: required option '--settlement <file...>' not specified"],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stdout, stderr } = await reconcile(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('exits 2 with one line for a report that is no report, or no source', async () => {
    const broken = await reconcile('--settlement', file('broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(
      `order-liability: ${file('broken.json')}: the JSON ends before it is complete\n`,
    );
    const noSource = await run(['reconcile', '--settlement', file('payout-100.csv')]);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toBe(
      'order-liability: give one source: --input <file>, --eventstore <connection> or --postgres <connection>\n',
    );
  });

  it('counts export records it could not replay, on stderr (the audit lists them)', async () => {
    const { code, stderr } = await run([
      'reconcile',
      '--input',
      file('damaged.jsonl'),
      '--settlement',
      file('payout-100.csv'),
      file('payout-200.json.gz'),
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'reconciled 3 orders with 7 report rows: 0 findings, 0 invalid rows; 1 event records could not be replayed (see order-liability audit)\n',
    );
  });

  it('has help naming its exit codes', async () => {
    const { code, stdout } = await run(['reconcile', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: order-liability reconcile [options]');
    expect(stdout).toContain(
      'Exit codes: 0 everything matches, 1 findings or invalid report rows, 2 usage or I/O error.',
    );
  });

  it('writes one HTML page with --format html', async () => {
    const out = file('report.html');
    const { code, stdout } = await reconcile(
      '--settlement',
      file('payout-100.csv'),
      file('payout-200.json.gz'),
      '--format',
      'html',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<p>None: every fraud transaction and every expectation match.</p>');
  });
});
