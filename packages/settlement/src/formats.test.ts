import { caseExpectation } from './expectation';
import { formatReconciliationCsv } from './format-csv';
import { formatReconciliationHtml } from './format-html';
import { formatReconciliationJson } from './format-json';
import { formatReconciliationMarkdown } from './format-markdown';
import { reconcileReports } from './reconcile';
import type { ReconciliationReport } from './report';
import { stateOf } from './__fixtures__/cases';
import { reportFile, scenarioCases, scenarioReports } from './__fixtures__/scenario';

let report: ReconciliationReport;
const p1 = reportFile('payout-1.csv');
const p2 = reportFile('payout-2.csv');
const bad = reportFile('malformed.csv');

beforeAll(async () => {
  report = await reconcileReports(
    Object.entries(scenarioCases).map(([orderId, commands]) =>
      caseExpectation(orderId, stateOf(commands)),
    ),
    [...scenarioReports, bad],
  );
});

describe('the reconciliation report formats', () => {
  it('JSON: findings, invalid rows and totals, as the report is', () => {
    const json: unknown = JSON.parse(formatReconciliationJson(report));
    expect(json).toEqual(JSON.parse(JSON.stringify(report)));
    expect(Object.keys(report)).toEqual(['findings', 'invalidRows', 'totals']);
  });

  it('CSV: one line per finding and amount, then the invalid rows (RFC 4180, CRLF)', () => {
    expect(formatReconciliationCsv(report).split('\r\n')).toEqual([
      'order_id,kind,detailed_type,currency,expected,actual,reference,payment_references,rules,rows,reason',
      '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d9999,unexpected-in-settlement,FRAUD_POLICY_CHARGE,DKK,0,125000,,XISB47KQ,,,no case has this order',
      'M-1004,amount-differs,FRAUD_POLICY_CREDIT_NET,DKK,100000,125000,,XISC12PL,SR-5 SR-10,,',
      'M-1005,missing-in-settlement,FRAUD_POLICY_CHARGE,DKK,125000,0,,,SR-5 SR-10,,',
      'M-1005,missing-in-settlement,FRAUD_POLICY_CREDIT_NET,DKK,100000,0,,,SR-5 SR-10,,',
      'M-1006,unexpected-in-settlement,REVERSAL,DKK,0,125000,,XISB47KQ,SR-11,,the decision expects none',
      `M-1007,duplicate-in-settlement,FRAUD_POLICY_CHARGE,DKK,,125000,DSP-1007,XISA93DJ XISB47KQ,SR-5 SR-10,${p1}:11 ${p2}:6,2 times`,
      `,invalid-row,,,,,,,,${bad}:3,amount is missing`,
      `,invalid-row,,,,,,,,${bad}:4,"currency_code ""XYZ"" is not an ISO 4217 code"`,
      `,invalid-row,,,,,,,,${bad}:5,"amount ""12.5x"" is not a number"`,
      `,invalid-row,,,,,,,,${bad}:6,"amount ""-1250.005"" has more decimals than DKK has (2)"`,
      `,invalid-row,,,,,,,,${bad}:7,currency_code is missing`,
      '',
    ]);
  });

  it('Markdown: context, counts, totals in major units, findings with payouts and rules', () => {
    const lines = formatReconciliationMarkdown(report, {
      source: 'events.jsonl',
      settlementFiles: ['payout-1.csv', 'payout-2.csv'],
    }).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '# Reconciliation with Klarna settlement reports',
      '',
      'Events: `events.jsonl` · Settlement reports: `payout-1.csv`, `payout-2.csv` · Policy: default',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        '| Invalid rows | 5 |',
        '| FRAUD_POLICY_CHARGE | DKK | 5.750,00 DKK | 7.000,00 DKK |',
        '| `M-1004` | amount-differs | FRAUD_POLICY_CREDIT_NET: expected 1.000,00 DKK, settled 1.250,00 DKK | `XISC12PL` | SR-5, SR-10 |',
        '| `M-1005` | missing-in-settlement | expected FRAUD_POLICY_CHARGE 1.250,00 DKK, FRAUD_POLICY_CREDIT_NET 1.000,00 DKK; no fraud transaction in the reports | — | SR-5, SR-10 |',
        `| \`${bad}\` | 3 | amount is missing |`,
      ]),
    );
  });

  it('Markdown: says so when nothing differs', () => {
    const clean: ReconciliationReport = {
      findings: [],
      invalidRows: [],
      totals: { ...report.totals, byType: [], invalid: 0 },
    };
    expect(formatReconciliationMarkdown(clean)).toContain(
      '## Findings\n\nNone: every fraud transaction and every expectation match.\n',
    );
  });

  it('HTML: one self-contained page; text from the reports is escaped', () => {
    const hostile: ReconciliationReport = {
      findings: [
        {
          kind: 'unexpected-in-settlement',
          orderId: '<img src=x onerror=alert(1)>',
          knownOrder: false,
          actual: [{ detailedType: 'REVERSAL', currency: 'DKK', amount: 125000 }],
          paymentReferences: ['P"1'],
          rules: [],
        },
      ],
      invalidRows: [{ file: 'a&b.csv', line: 3, reason: "amount '<1>' is not a number" }],
      totals: { ...report.totals, invalid: 1 },
    };
    const html = formatReconciliationHtml(hostile, { source: 'events.jsonl' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n')).toBe(true);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain(
      '<tr><td><code>&lt;img src=x onerror=alert(1)&gt;</code></td><td><span class="kind">unexpected-in-settlement</span></td><td>REVERSAL 1.250,00 DKK; no case has this order</td><td><code>P&quot;1</code></td><td>—</td></tr>',
    );
    expect(html).toContain(
      '<tr><td><code>a&amp;b.csv</code></td><td>3</td><td>amount &#39;&lt;1&gt;&#39; is not a number</td></tr>',
    );
    expect(html).toContain('<p>Events: <code>events.jsonl</code> · Policy: default</p>');
  });
});
