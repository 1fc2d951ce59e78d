// `pnpm example reconcile`: six cases decided by the domain, written as a JSON Lines export, and
// two of Klarna's settlement reports for them — one payout as CSV (";", amounts in kroner), one
// as the Settlements API's JSON (amounts in øre) — with four differences planted. The
// `order-liability reconcile` command compares them; its Markdown report is printed.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordHistory, toJsonLine } from '@order-liability/audit';
import type { Command } from '@order-liability/domain';
import { orderStreamName } from '@order-liability/store';

const at = (hours: number): string =>
  new Date(Date.parse('2026-03-02T10:00:00Z') + hours * 3_600_000).toISOString();

const stop = (orderId: string): Command => ({
  type: 'RequestStop',
  data: {
    orderId,
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: at(0),
  },
});

const parcel = (orderId: string, tracking?: string, amounts?: [number, number]): Command => ({
  type: 'ReportShipment',
  data: {
    orderId,
    carrier: 'PostNord',
    ...(tracking === undefined ? {} : { trackingNumber: tracking }),
    shippedAt: at(-24),
    reportedAt: at(2),
    ...(amounts === undefined ? {} : { amount: amounts[0], taxAmount: amounts[1] }),
  },
});

const conclude = (orderId: string, outcome: 'fraud' | 'not-fraud'): Command => ({
  type: 'ConcludeInvestigation',
  data: { orderId, concludedAt: at(240), outcome },
});

const book = (orderId: string): Command => ({
  type: 'BookSettlement',
  data: { orderId, bookedAt: at(264) },
});

/** The cases, by order id (Klarna's order id is the merchant's reference here). */
const cases: Record<string, Command[]> = {
  // Covered by Klarna and booked: settled as expected.
  'ORD-1001': [
    stop('ORD-1001'),
    parcel('ORD-1001', 'PN1001'),
    conclude('ORD-1001', 'fraud'),
    book('ORD-1001'),
  ],
  // Covered and booked: payout 2 credits the gross, not the amount excluding VAT, and charges twice.
  'ORD-1002': [
    stop('ORD-1002'),
    parcel('ORD-1002', 'PN1002'),
    conclude('ORD-1002', 'fraud'),
    book('ORD-1002'),
  ],
  // Shipped without tracking (SR-6): the merchant's loss, concluded, not booked yet.
  'ORD-1003': [stop('ORD-1003'), parcel('ORD-1003'), conclude('ORD-1003', 'fraud')],
  // Split: a tracked parcel covered, an untracked one not.
  'ORD-1004': [
    stop('ORD-1004'),
    parcel('ORD-1004', 'PN1004', [75000, 15000]),
    parcel('ORD-1004', undefined, [50000, 10000]),
    conclude('ORD-1004', 'fraud'),
    book('ORD-1004'),
  ],
  // Covered and concluded: no payout has it yet.
  'ORD-1005': [stop('ORD-1005'), parcel('ORD-1005', 'PN1005'), conclude('ORD-1005', 'fraud')],
  // Not fraud (SR-11), yet payout 2 reverses it.
  'ORD-1006': [stop('ORD-1006'), parcel('ORD-1006', 'PN1006'), conclude('ORD-1006', 'not-fraud')],
};

const exportLines = (): string[] =>
  Object.entries(cases).flatMap(([orderId, commands]) => {
    const history = recordHistory(commands);
    if (history.rejected.length > 0) throw new Error(`${orderId}: a command was refused`);
    return history.events.map((event, revision) =>
      toJsonLine({
        streamId: orderStreamName(orderId),
        revision,
        type: event.type,
        data: event.data,
      }),
    );
  });

const csvRow = (
  type: string,
  detailedType: string,
  amount: string,
  orderId: string,
  reference = '',
): string =>
  `${type};${detailedType};${amount};DKK;${orderId};${orderId};XISA93DJ;2026-03-10;${reference}`;

const payout1 = [
  'type;detailed_type;amount;currency_code;order_id;merchant_reference1;payment_reference;sale_date;reversal_reference',
  csvRow('SALE', 'PURCHASE', '1250,00', 'ORD-2001'),
  csvRow('FEE', 'PURCHASE_FEE_PERCENTAGE', '-31,25', 'ORD-2001'),
  csvRow('REVERSAL', 'FRAUD_POLICY_CHARGE', '-1250,00', 'ORD-1001', 'DSP-1001'),
  csvRow(
    'REVERSAL_MERCHANT_PROTECTION',
    'FRAUD_POLICY_CREDIT_NET',
    '1000,00',
    'ORD-1001',
    'DSP-1001',
  ),
  csvRow('REVERSAL', 'FRAUD_POLICY_CHARGE', '-1250,00', 'ORD-1002', 'DSP-1002'),
  csvRow('REVERSAL', 'FRAUD_POLICY_CHARGE', '-750,00', 'ORD-1004', 'DSP-1004'),
  csvRow(
    'REVERSAL_MERCHANT_PROTECTION',
    'FRAUD_POLICY_CREDIT_NET',
    '600,00',
    'ORD-1004',
    'DSP-1004',
  ),
  csvRow('REVERSAL', 'REVERSAL', '-500,00', 'ORD-1004', 'DSP-1004'),
  csvRow('RETURN', 'PURCHASE_RETURN', '-200,00', 'ORD-2002'),
].join('\n');

const apiTransaction = (
  type: string,
  detailedType: string,
  amount: number,
  orderId: string,
  reference?: string,
) => ({
  type,
  detailed_type: detailedType,
  amount,
  currency_code: 'DKK',
  order_id: orderId,
  merchant_reference1: orderId,
  payment_reference: 'XISB47KQ',
  sale_date: '2026-03-17T00:00:00Z',
  ...(reference === undefined ? {} : { reversal_reference: reference }),
});

const payout2 = {
  transactions: [
    apiTransaction('SALE', 'PURCHASE', 99500, 'ORD-2003'),
    apiTransaction('REVERSAL', 'REVERSAL', -125000, 'ORD-1003', 'DSP-1003'),
    apiTransaction(
      'REVERSAL_MERCHANT_PROTECTION',
      'FRAUD_POLICY_CREDIT_NET',
      125000,
      'ORD-1002',
      'DSP-1002',
    ),
    apiTransaction('REVERSAL', 'FRAUD_POLICY_CHARGE', -125000, 'ORD-1002', 'DSP-1002'),
    apiTransaction('REVERSAL', 'REVERSAL', -125000, 'ORD-1006', 'DSP-1006'),
    apiTransaction('FEE', 'DISPUTE_FEE', -3500, 'ORD-1006'),
  ],
  pagination: { count: 6, offset: 0, total: 6 },
};

const PLANTED = [
  'ORD-1002: FRAUD_POLICY_CREDIT_NET of the gross (1.250,00) instead of 1.000,00 (amount-differs)',
  'ORD-1002: the FRAUD_POLICY_CHARGE in both payouts (duplicate-in-settlement)',
  'ORD-1005: covered and concluded, in no payout (missing-in-settlement)',
  'ORD-1006: not fraud, yet reversed (unexpected-in-settlement)',
];

const bin = join(__dirname, '..', 'packages', 'audit', 'bin', 'order-liability.js');

const runCommand = (
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 2), stdout, stderr });
    });
  });

/** Writes the files, runs `order-liability reconcile` and prints its report; returns its exit code. */
export const runReconcileExample = async (log: (line: string) => void): Promise<number> => {
  const dir = await mkdtemp(join(tmpdir(), 'reconcile-example-'));
  try {
    const events = join(dir, 'events.jsonl');
    const csv = join(dir, 'payout-XISA93DJ.csv');
    const json = join(dir, 'payout-XISB47KQ.json');
    await writeFile(events, `${exportLines().join('\n')}\n`);
    await writeFile(csv, `${payout1}\n`);
    await writeFile(json, JSON.stringify(payout2, null, 2));
    log(`${Object.keys(cases).length} cases in ${events}; two payouts: ${csv}, ${json}. Planted:`);
    for (const planted of PLANTED) log(`  - ${planted}`);
    const args = [
      'reconcile',
      '--input',
      events,
      '--settlement',
      csv,
      json,
      '--format',
      'markdown',
    ];
    log('');
    log(`$ order-liability ${args.join(' ')}`);
    const { code, stdout, stderr } = await runCommand(args);
    for (const line of stdout.trimEnd().split('\n')) log(line);
    log('');
    log(stderr.trimEnd());
    log(`exit code ${code}`);
    return code;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
