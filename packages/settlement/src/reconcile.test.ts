import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseExpectation, type CaseExpectation } from './expectation';
import { reconcileReports } from './reconcile';
import { createReconciler } from './reconciler';
import { isClean } from './report';
import { coveredBooked, splitBooked, stateOf } from './__fixtures__/cases';
import { reportFile, scenarioCases, scenarioReports } from './__fixtures__/scenario';

const expectations = (cases: Readonly<Record<string, Parameters<typeof stateOf>[0]>>) =>
  Object.entries(cases).map(([orderId, commands]) => caseExpectation(orderId, stateOf(commands)));

const tempFile = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'settlement-reconcile-')), name);
  writeFileSync(path, text);
  return path;
};

const HEADER =
  'type,detailed_type,amount,currency_code,order_id,merchant_reference1,payment_reference,reversal_reference';

describe('reconcileReports: did Klarna pay out and take back what the rules say?', () => {
  it('finds each planted difference across three payouts, ignoring sales, returns and fees', async () => {
    const report = await reconcileReports(expectations(scenarioCases), scenarioReports);
    expect(report.findings).toEqual([
      {
        kind: 'unexpected-in-settlement',
        orderId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d9999',
        knownOrder: false,
        actual: [{ detailedType: 'FRAUD_POLICY_CHARGE', currency: 'DKK', amount: 125000 }],
        paymentReferences: ['XISB47KQ'],
        rules: [],
      },
      {
        kind: 'amount-differs',
        orderId: 'M-1004',
        detailedType: 'FRAUD_POLICY_CREDIT_NET',
        currency: 'DKK',
        expected: 100000,
        actual: 125000,
        paymentReferences: ['XISC12PL'],
        rules: ['SR-5', 'SR-10'],
      },
      {
        kind: 'missing-in-settlement',
        orderId: 'M-1005',
        expected: [
          { detailedType: 'FRAUD_POLICY_CHARGE', currency: 'DKK', amount: 125000 },
          { detailedType: 'FRAUD_POLICY_CREDIT_NET', currency: 'DKK', amount: 100000 },
        ],
        paymentReferences: [],
        rules: ['SR-5', 'SR-10'],
      },
      {
        kind: 'unexpected-in-settlement',
        orderId: 'M-1006',
        knownOrder: true,
        actual: [{ detailedType: 'REVERSAL', currency: 'DKK', amount: 125000 }],
        paymentReferences: ['XISB47KQ'],
        rules: ['SR-11'],
      },
      {
        kind: 'duplicate-in-settlement',
        orderId: 'M-1007',
        detailedType: 'FRAUD_POLICY_CHARGE',
        currency: 'DKK',
        amount: 125000,
        reference: 'DSP-1007',
        rows: [
          { file: reportFile('payout-1.csv'), line: 11 },
          { file: reportFile('payout-2.csv'), line: 6 },
        ],
        paymentReferences: ['XISA93DJ', 'XISB47KQ'],
        rules: ['SR-5', 'SR-10'],
      },
    ]);
    expect(report.invalidRows).toEqual([]);
    expect(report.totals).toEqual({
      byType: [
        { detailedType: 'FRAUD_POLICY_CHARGE', currency: 'DKK', expected: 575000, actual: 700000 },
        {
          detailedType: 'FRAUD_POLICY_CREDIT_NET',
          currency: 'DKK',
          expected: 460000,
          actual: 385000,
        },
        { detailedType: 'REVERSAL', currency: 'DKK', expected: 175000, actual: 300000 },
      ],
      rows: 20,
      fraudTransactions: 13,
      ignored: 7,
      invalid: 0,
      matched: 6,
      unmatched: 7,
      casesExpecting: 6,
      ordersWithFindings: 5,
    });
    expect(isClean(report)).toBe(false);
  });

  it('gives the same report whatever the order of the payouts', async () => {
    const forward = await reconcileReports(expectations(scenarioCases), scenarioReports);
    const backward = await reconcileReports(
      expectations(scenarioCases),
      [...scenarioReports].reverse(),
    );
    expect(backward.findings.map((f) => `${f.orderId} ${f.kind}`)).toEqual(
      forward.findings.map((f) => `${f.orderId} ${f.kind}`),
    );
    expect(backward.totals).toEqual(forward.totals);
  });

  it('is clean when a split-liability order settles as its parcels say, whatever the signs', async () => {
    const file = tempFile(
      'payout.csv',
      [
        HEADER,
        'SALE,PURCHASE,125000,DKK,k-1,M-1,P-1,',
        // Signs as a report might give them, or not: only the magnitude counts.
        'REVERSAL,FRAUD_POLICY_CHARGE,75000,DKK,k-1,M-1,P-1,D-1',
        'REVERSAL_MERCHANT_PROTECTION,FRAUD_POLICY_CREDIT_NET,-60000,DKK,k-1,M-1,P-1,D-1',
        'REVERSAL,REVERSAL,-50000,DKK,k-1,M-1,P-1,D-1',
      ].join('\n'),
    );
    const report = await reconcileReports(
      [caseExpectation('M-1', stateOf(splitBooked('M-1')))],
      [file],
    );
    expect(report.findings).toEqual([]);
    expect(report.totals.matched).toBe(3);
    expect(isClean(report)).toBe(true);
  });

  it('matches by order_id or merchant_reference1, and a charge split over two payouts adds up', async () => {
    const file = tempFile(
      'payout.csv',
      [
        HEADER,
        'REVERSAL,FRAUD_POLICY_CHARGE,-100000,DKK,M-1,,P-1,D-1',
        'REVERSAL,FRAUD_POLICY_CHARGE,-25000,DKK,k-1,M-1,P-2,D-2',
        'REVERSAL_MERCHANT_PROTECTION,FRAUD_POLICY_CREDIT_NET,100000,DKK,k-1,M-1,P-2,D-1',
      ].join('\n'),
    );
    const report = await reconcileReports(
      [caseExpectation('M-1', stateOf(coveredBooked('M-1')))],
      [file],
    );
    expect(report.findings).toEqual([]);
    expect(report.totals.matched).toBe(3);
  });

  it('reports an order no case has under its order_id, else its merchant_reference1, else under no id', async () => {
    const file = tempFile(
      'payout.csv',
      [
        HEADER,
        'REVERSAL,FRAUD_POLICY_CHARGE,-125000,DKK,k-1,M-1,P-1,D-1',
        'REVERSAL_MERCHANT_PROTECTION,FRAUD_POLICY_CREDIT_NET,100000,DKK,k-1,M-1,P-1,D-1',
        'REVERSAL,REVERSAL,-500,DKK,k-9,M-9,P-1,D-9',
        'REVERSAL,REVERSAL,-700,DKK,,M-8,P-2,D-8',
        'REVERSAL,REVERSAL,-300,DKK,,,P-3,D-7',
      ].join('\n'),
    );
    const report = await reconcileReports(
      [caseExpectation('M-1', stateOf(coveredBooked('M-1')))],
      [file],
    );
    const unknown = (orderId: string, payout: string, amount: number) => ({
      kind: 'unexpected-in-settlement',
      orderId,
      knownOrder: false,
      paymentReferences: [payout],
      rules: [],
      actual: [{ detailedType: 'REVERSAL', currency: 'DKK', amount }],
    });
    expect(report.findings).toEqual([
      unknown('', 'P-3', 300),
      unknown('M-8', 'P-2', 700),
      unknown('k-9', 'P-1', 500),
    ]);
    expect(report.totals).toEqual({
      byType: [
        { detailedType: 'FRAUD_POLICY_CHARGE', currency: 'DKK', expected: 125000, actual: 125000 },
        {
          detailedType: 'FRAUD_POLICY_CREDIT_NET',
          currency: 'DKK',
          expected: 100000,
          actual: 100000,
        },
        { detailedType: 'REVERSAL', currency: 'DKK', expected: 0, actual: 1500 },
      ],
      rows: 5,
      fraudTransactions: 5,
      ignored: 0,
      invalid: 0,
      matched: 2,
      unmatched: 3,
      casesExpecting: 1,
      ordersWithFindings: 3,
    });
  });

  it('reports an amount of the wrong currency as differing in both currencies', async () => {
    const file = tempFile(
      'payout.csv',
      [
        HEADER,
        'REVERSAL,FRAUD_POLICY_CHARGE,-125000,SEK,k-1,M-1,P-1,D-1',
        'REVERSAL_MERCHANT_PROTECTION,FRAUD_POLICY_CREDIT_NET,100000,DKK,k-1,M-1,P-1,D-1',
      ].join('\n'),
    );
    const report = await reconcileReports(
      [caseExpectation('M-1', stateOf(coveredBooked('M-1')))],
      [file],
    );
    expect(
      report.findings.map((f) =>
        f.kind === 'amount-differs' ? `${f.currency} ${f.expected} ${f.actual}` : f.kind,
      ),
    ).toEqual(['DKK 125000 0', 'SEK 0 125000']);
  });

  it('reports malformed rows with file and line, and still reconciles the rest', async () => {
    const report = await reconcileReports([], [reportFile('malformed.csv')]);
    const file = reportFile('malformed.csv');
    expect(report.invalidRows).toEqual([
      { file, line: 3, reason: 'amount is missing' },
      { file, line: 4, reason: 'currency_code "XYZ" is not an ISO 4217 code' },
      { file, line: 5, reason: 'amount "12.5x" is not a number' },
      { file, line: 6, reason: 'amount "-1250.005" has more decimals than DKK has (2)' },
      { file, line: 7, reason: 'currency_code is missing' },
    ]);
    expect(report.totals).toMatchObject({ rows: 7, ignored: 2, invalid: 5, fraudTransactions: 0 });
    expect(isClean(report)).toBe(false);
  });

  it('lists at most maxInvalidRows invalid rows and counts them all', async () => {
    const report = await reconcileReports([], [reportFile('malformed.csv')], { maxInvalidRows: 2 });
    expect(report.invalidRows.map((row) => row.line)).toEqual([3, 4]);
    expect(report.totals.invalid).toBe(5);
  });

  it('keeps per order only its distinct transactions: memory follows orders, not rows', () => {
    const reconciler = createReconciler();
    const expectation: CaseExpectation = caseExpectation('M-1', stateOf(coveredBooked('M-1')));
    reconciler.addCase(expectation);
    const charge = {
      file: 'p.csv',
      type: 'REVERSAL',
      detailedType: 'FRAUD_POLICY_CHARGE',
      fraudType: 'FRAUD_POLICY_CHARGE' as const,
      amount: -125000,
      currency: 'DKK',
      orderId: 'M-1',
      reversalReference: 'D-1',
    };
    for (let line = 2; line < 5; line += 1)
      reconciler.accept({
        kind: 'transaction',
        transaction: { ...charge, line, paymentReference: `P-${line}` },
      });
    const report = reconciler.finish();
    expect(report.findings).toEqual([
      {
        kind: 'amount-differs',
        orderId: 'M-1',
        detailedType: 'FRAUD_POLICY_CREDIT_NET',
        currency: 'DKK',
        expected: 100000,
        actual: 0,
        paymentReferences: [],
        rules: ['SR-5', 'SR-10'],
      },
      {
        kind: 'duplicate-in-settlement',
        orderId: 'M-1',
        detailedType: 'FRAUD_POLICY_CHARGE',
        currency: 'DKK',
        amount: 125000,
        reference: 'D-1',
        rows: [
          { file: 'p.csv', line: 2 },
          { file: 'p.csv', line: 3 },
          { file: 'p.csv', line: 4 },
        ],
        paymentReferences: ['P-2', 'P-3', 'P-4'],
        rules: ['SR-5', 'SR-10'],
      },
    ]);
    expect(report.totals.byType[0]).toEqual({
      detailedType: 'FRAUD_POLICY_CHARGE',
      currency: 'DKK',
      expected: 125000,
      actual: 375000,
    });
  });
});
