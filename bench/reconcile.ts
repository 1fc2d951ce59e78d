// Reconciliation benchmark (issues 14, 15): a Klarna settlement report of 1,000,000 rows
// (--quick: 30,000) against 100,000 cases (--quick: 3,000), written as CSV to a temporary file:
// sales, fees and returns mixed with the fraud transactions of the cases (covered, merchant's
// loss, split), amounts as decimal kroner. Then, each in a child process of its own so its peak
// RSS is its own, sides alternated (bare, reconcile, bare, reconcile, …) for 5 rounds after a
// warm-up round that is dropped; each side's time as min, median and max, judged by the ratio
// of medians:
//   bare      — csv-parse of the same file into arrays of fields, nothing else (the floor);
//   reconcile — readSettlementReport + the reconciler against the cases, JSON report.
// Figures, not assertions: the machine is shared, so absolute rates move between runs.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { type ChildFigures, runChild } from './child-figures';
import { alternate, showSpread, spreadOf } from './rounds';
import type { BenchPart } from './section';

const ROOT = resolve(__dirname, '..');
const SETTLEMENT_DIST = join(ROOT, 'packages/settlement/dist/index.js');
const CSV_PARSE = require.resolve('csv-parse', { paths: [join(ROOT, 'packages/settlement')] });

const HEADER =
  'type,detailed_type,amount,currency_code,order_id,short_order_id,merchant_reference1,merchant_reference2,capture_id,refund_id,payment_reference,sale_date,capture_date,reversal_reference,vat_amount,purchase_country';

const kroner = (minor: number): string =>
  `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

// One of three shapes per case: covered (charge + credit), the merchant's loss (reversal), split.
const shapeOf = (index: number): 'covered' | 'merchant' | 'split' =>
  index % 10 < 7 ? 'covered' : index % 10 < 9 ? 'merchant' : 'split';

const orderIdOf = (index: number): string => `ORD-${String(index).padStart(7, '0')}`;

const row = (
  type: string,
  detailedType: string,
  minor: number,
  orderId: string,
  payout: string,
  reference: string,
): string =>
  `${type},${detailedType},${kroner(minor)},DKK,kl-${orderId},K${orderId.slice(4)},${orderId},web,,,${payout},2026-03-01T10:00:00Z,,${reference},,DK\n`;

const fraudRows = (index: number, payout: string): string[] => {
  const id = orderIdOf(index);
  const ref = `DSP-${index}`;
  switch (shapeOf(index)) {
    case 'covered':
      return [
        row('REVERSAL', 'FRAUD_POLICY_CHARGE', -125000, id, payout, ref),
        row('REVERSAL_MERCHANT_PROTECTION', 'FRAUD_POLICY_CREDIT_NET', 100000, id, payout, ref),
      ];
    case 'merchant':
      return [row('REVERSAL', 'REVERSAL', -125000, id, payout, ref)];
    case 'split':
      return [
        row('REVERSAL', 'FRAUD_POLICY_CHARGE', -75000, id, payout, ref),
        row('REVERSAL_MERCHANT_PROTECTION', 'FRAUD_POLICY_CREDIT_NET', 60000, id, payout, ref),
        row('REVERSAL', 'REVERSAL', -50000, id, payout, ref),
      ];
  }
};

const OTHER = [
  ['SALE', 'PURCHASE', 99500],
  ['FEE', 'PURCHASE_FEE_PERCENTAGE', -2488],
  ['RETURN', 'PURCHASE_RETURN', -19900],
] as const;

/** Writes the report; every case's fraud rows, then other rows up to `rows`. Returns the count. */
const writeReport = async (file: string, rows: number, cases: number): Promise<number> => {
  const out = createWriteStream(file);
  let written = 0;
  let buffer = `${HEADER}\n`;
  const flush = async (): Promise<void> => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  let other = 0;
  for (let index = 0; index < cases; index += 1) {
    // Other transactions interleaved so fraud rows are spread over the file.
    const fraud = fraudRows(index, `P-${index % 20}`);
    const others = Math.floor(((index + 1) * (rows - cases * 1.9)) / cases) - other;
    for (let k = 0; k < others && written < rows; k += 1, other += 1, written += 1) {
      const [type, detailedType, minor] = OTHER[other % OTHER.length] ?? OTHER[0];
      buffer += row(type, detailedType, minor, `ORD-9${String(other).padStart(7, '0')}`, 'P-0', '');
    }
    for (const line of fraud) {
      buffer += line;
      written += 1;
    }
    if (buffer.length > 1 << 20) await flush();
  }
  while (written < rows) {
    buffer += row('SALE', 'PURCHASE', 99500, `ORD-8${String(written).padStart(7, '0')}`, 'P-0', '');
    written += 1;
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return written;
};

const REPORT = `
const report = (count, start, extra) => process.stdout.write(JSON.stringify({
  count, seconds: Number(process.hrtime.bigint() - start) / 1e9,
  peakRssMb: process.resourceUsage().maxRSS / 1024, ...extra }) + '\\n');
`;

const scripts = {
  bare: `${REPORT}
const { createReadStream } = require('node:fs');
const { parse } = require(${JSON.stringify(CSV_PARSE)});
(async () => { const start = process.hrtime.bigint(); let count = 0;
  for await (const record of createReadStream(process.argv[1]).pipe(parse())) count += 1;
  report(count, start); })();`,
  reconcile: `${REPORT}
const s = require(${JSON.stringify(SETTLEMENT_DIST)});
const cases = Number(process.argv[2]);
const covered = (amount, tax) => [
  { detailedType: 'FRAUD_POLICY_CHARGE', currency: 'DKK', amount, rules: ['SR-5', 'SR-10'] },
  { detailedType: 'FRAUD_POLICY_CREDIT_NET', currency: 'DKK', amount: amount - tax, rules: ['SR-5', 'SR-10'] }];
const shapes = { covered: covered(125000, 25000),
  merchant: [{ detailedType: 'REVERSAL', currency: 'DKK', amount: 125000, rules: ['SR-6'] }],
  split: [...covered(75000, 15000), { detailedType: 'REVERSAL', currency: 'DKK', amount: 50000, rules: ['SR-6'] }] };
(async () => { const start = process.hrtime.bigint();
  const reconciler = s.createReconciler();
  for (let i = 0; i < cases; i += 1) {
    const shape = i % 10 < 7 ? 'covered' : i % 10 < 9 ? 'merchant' : 'split';
    reconciler.addCase({ orderId: 'ORD-' + String(i).padStart(7, '0'), basis: 'booked', expected: shapes[shape], rules: shapes[shape][0].rules });
  }
  for await (const row of s.readSettlementReport(process.argv[1])) reconciler.accept(row);
  const result = reconciler.finish();
  s.formatReconciliationJson(result);
  report(result.totals.rows, start, { findings: result.findings.length, invalid: result.totals.invalid }); })();`,
};

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

const ROUNDS = 5;

export const runReconcileBench: BenchPart = async ({ quick, log }) => {
  if (!existsSync(SETTLEMENT_DIST))
    throw new Error('the reconcile benchmark runs the built packages: run `pnpm -s build` first');
  const rows = quick ? 30_000 : 1_000_000;
  const cases = quick ? 3_000 : 100_000;
  const dir = await mkdtemp(join(tmpdir(), 'reconcile-bench-'));
  try {
    const file = join(dir, 'settlement.csv');
    const written = await writeReport(file, rows, cases);
    const bytes = (await stat(file)).size;
    log(
      `reconcile: ${written.toLocaleString('en')} report rows against ${cases.toLocaleString('en')} cases, ${round(bytes / 1e6)} MB`,
    );
    const runs: Record<'bare' | 'reconcile', ChildFigures[]> = { bare: [], reconcile: [] };
    await alternate(
      {
        bare: async () => {
          runs.bare.push(await runChild(scripts.bare, [file]));
        },
        reconcile: async () => {
          runs.reconcile.push(await runChild(scripts.reconcile, [file, String(cases)]));
        },
      },
      ROUNDS,
    );
    // The first run of each side is the warm-up.
    const bares = runs.bare.slice(1);
    const reconciles = runs.reconcile.slice(1);
    // csv-parse counts the header as a record; the reconciliation counts report rows.
    for (const [bare, reconcile] of bares.map((b, i) => [b, reconciles[i]] as const)) {
      if (bare.count !== written + 1 || reconcile?.count !== written)
        throw new Error(`the passes read ${bare.count} and ${reconcile?.count} of ${written} rows`);
      if (reconcile.findings !== 0)
        throw new Error(
          `the reconciliation found ${reconcile.findings ?? '?'} differences in a clean report`,
        );
    }
    // The time each child measured itself: reading and reconciling, not Node starting.
    const rounds = {
      bare: bares.map((b) => b.seconds),
      reconcile: reconciles.map((r) => r.seconds),
    };
    const bare = spreadOf(rounds.bare);
    const reconcile = spreadOf(rounds.reconcile);
    log(`  bare csv-parse s: ${showSpread(bare)}`);
    log(`  reconcile s:      ${showSpread(reconcile)}`);
    const ratio = reconcile.median / bare.median;
    const peakRss = Math.max(...reconciles.map((r) => r.peakRssMb));
    const figures = {
      rows: written,
      cases,
      'file MB': round(bytes / 1e6, 1),
      'bare csv-parse rows/s': round(written / bare.median),
      'reconcile rows/s': round(written / reconcile.median),
      'reconcile/bare time ratio': round(ratio, 3),
      'reconcile peak RSS MB': round(peakRss, 1),
      'bare peak RSS MB': round(Math.max(...bares.map((b) => b.peakRssMb)), 1),
    };
    for (const [name, value] of Object.entries(figures))
      log(`  ${name}: ${value.toLocaleString('en')}`);
    return {
      name: 'reconcile',
      figures,
      rounds,
      ratio: `reconcile/csv-parse time ratio: ${ratio.toFixed(2)} (medians; target <= 2); reconcile peak RSS ${Math.round(peakRss)} MB (target <= 256)`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
