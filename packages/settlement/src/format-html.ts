import { formatAmount } from '@order-liability/domain';
import type { Finding } from './finding';
import type { ReconciliationContext } from './format-markdown';
import type { ReconciliationReport } from './report';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text from the input, safe in HTML text and attribute values. */
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const money = (amount: number, currency: string): string => esc(formatAmount(amount, currency));

const row = (cells: readonly string[], header = false): string =>
  `<tr>${cells.map((cell) => (header ? `<th>${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`;

const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  `<table>\n<thead>${row(head.map(esc), true)}</thead>\n<tbody>\n${rows.map((r) => row(r)).join('\n')}\n</tbody>\n</table>`;

const amounts = (list: readonly { detailedType: string; amount: number; currency: string }[]) =>
  list.map((a) => `${esc(a.detailedType)} ${money(a.amount, a.currency)}`).join(', ');

const what = (finding: Finding): string => {
  switch (finding.kind) {
    case 'missing-in-settlement':
      return `expected ${amounts(finding.expected)}; no fraud transaction in the reports`;
    case 'unexpected-in-settlement':
      return `${amounts(finding.actual)}; ${finding.knownOrder ? 'the decision expects none' : 'no case has this order'}`;
    case 'amount-differs':
      return `${esc(finding.detailedType)}: expected ${money(finding.expected, finding.currency)}, settled ${money(finding.actual, finding.currency)}`;
    case 'duplicate-in-settlement':
      return `${esc(finding.detailedType)} ${money(finding.amount, finding.currency)} (reference <code>${esc(finding.reference || '—')}</code>) ${finding.rows.length} times: ${finding.rows.map((r) => `<code>${esc(`${r.file}:${r.line}`)}</code>`).join(', ')}`;
  }
};

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}td.n{text-align:right}.kind{font-weight:600}';

/** The report as one self-contained HTML page (no scripts, no external files). */
export const formatReconciliationHtml = (
  report: ReconciliationReport,
  context: ReconciliationContext = {},
): string => {
  const { totals } = report;
  const about = [
    ...(context.source === undefined ? [] : [`Events: <code>${esc(context.source)}</code>`]),
    ...(context.settlementFiles === undefined
      ? []
      : [
          `Settlement reports: ${context.settlementFiles.map((f) => `<code>${esc(f)}</code>`).join(', ')}`,
        ]),
    `Policy: ${context.policy === undefined ? 'default' : `<code>${esc(context.policy)}</code>`}`,
  ].join(' · ');
  const counts: [string, number][] = [
    ['Report rows', totals.rows],
    ['Fraud transactions', totals.fraudTransactions],
    ['Other transactions (ignored)', totals.ignored],
    ['Invalid rows', totals.invalid],
    ['Fraud transactions matched', totals.matched],
    ['Fraud transactions unmatched', totals.unmatched],
    ['Cases expecting fraud transactions', totals.casesExpecting],
    ['Orders with findings', totals.ordersWithFindings],
  ];
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Reconciliation with Klarna settlement reports</title>',
    `<style>${STYLE}</style></head>`,
    '<body>',
    '<h1>Reconciliation with Klarna settlement reports</h1>',
    `<p>${about}</p>`,
    '<h2>Summary</h2>',
    table(
      ['', 'Count'],
      counts.map(([name, count]) => [esc(name), String(count)]),
    ),
    '<h2>Totals</h2>',
    table(
      ['Detailed type', 'Currency', 'Expected', 'Settled'],
      totals.byType.map((t) => [
        esc(t.detailedType),
        esc(t.currency),
        money(t.expected, t.currency),
        money(t.actual, t.currency),
      ]),
    ),
    '<h2>Findings</h2>',
    report.findings.length === 0
      ? '<p>None: every fraud transaction and every expectation match.</p>'
      : table(
          ['Order', 'Finding', 'What', 'Payouts', 'Rules'],
          report.findings.map((f) => [
            `<code>${esc(f.orderId)}</code>`,
            `<span class="kind">${esc(f.kind)}</span>`,
            what(f),
            f.paymentReferences.map((p) => `<code>${esc(p)}</code>`).join(', ') || '—',
            esc(f.rules.join(', ')) || '—',
          ]),
        ),
    ...(totals.invalid === 0
      ? []
      : [
          '<h2>Invalid rows</h2>',
          table(
            ['File', 'Line', 'Reason'],
            report.invalidRows.map((r) => [
              `<code>${esc(r.file)}</code>`,
              String(r.line),
              esc(r.reason),
            ]),
          ),
          ...(totals.invalid > report.invalidRows.length
            ? [
                `<p>${totals.invalid - report.invalidRows.length} more invalid rows are not listed.</p>`,
              ]
            : []),
        ]),
    '</body>',
    '</html>',
    '',
  ];
  return parts.join('\n');
};
