import { formatAmount } from '@order-liability/domain';
import type { Finding } from './finding';
import type { ReconciliationReport } from './report';

/** What the report was made from, shown under the heading. */
export interface ReconciliationContext {
  /** The events' source: an export file, or the kind of store. */
  readonly source?: string;
  readonly settlementFiles?: readonly string[];
  readonly policy?: string;
}

// Text from the input goes into table cells: keep it on one line and out of the table syntax.
const cell = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

const money = (amount: number, currency: string): string => formatAmount(amount, currency);

const list = (values: readonly string[]): string =>
  values.length === 0 ? '—' : values.map(code).join(', ');

const what = (finding: Finding): string => {
  switch (finding.kind) {
    case 'missing-in-settlement':
      return `expected ${finding.expected.map((a) => `${a.detailedType} ${money(a.amount, a.currency)}`).join(', ')}; no fraud transaction in the reports`;
    case 'unexpected-in-settlement':
      return `${finding.actual.map((a) => `${a.detailedType} ${money(a.amount, a.currency)}`).join(', ')}; ${finding.knownOrder ? 'the decision expects none' : 'no case has this order'}`;
    case 'amount-differs':
      return `${finding.detailedType}: expected ${money(finding.expected, finding.currency)}, settled ${money(finding.actual, finding.currency)}`;
    case 'duplicate-in-settlement':
      return `${finding.detailedType} ${money(finding.amount, finding.currency)} (reference ${code(finding.reference || '—')}) ${finding.rows.length} times: ${finding.rows.map((r) => code(`${r.file}:${r.line}`)).join(', ')}`;
  }
};

/** The report as Markdown for a person: context, totals, findings, invalid rows. */
export const formatReconciliationMarkdown = (
  report: ReconciliationReport,
  context: ReconciliationContext = {},
): string => {
  const { totals } = report;
  const lines = [
    '# Reconciliation with Klarna settlement reports',
    '',
    [
      ...(context.source === undefined ? [] : [`Events: ${code(context.source)}`]),
      ...(context.settlementFiles === undefined
        ? []
        : [`Settlement reports: ${context.settlementFiles.map(code).join(', ')}`]),
      `Policy: ${context.policy === undefined ? 'default' : code(context.policy)}`,
    ].join(' · '),
    '',
    '## Summary',
    '',
    '| | Count |',
    '|---|---:|',
    `| Report rows | ${totals.rows} |`,
    `| Fraud transactions | ${totals.fraudTransactions} |`,
    `| Other transactions (ignored) | ${totals.ignored} |`,
    `| Invalid rows | ${totals.invalid} |`,
    `| Fraud transactions matched | ${totals.matched} |`,
    `| Fraud transactions unmatched | ${totals.unmatched} |`,
    `| Cases expecting fraud transactions | ${totals.casesExpecting} |`,
    `| Orders with findings | ${totals.ordersWithFindings} |`,
    '',
  ];
  if (totals.byType.length > 0)
    lines.push(
      '## Totals',
      '',
      '| Detailed type | Currency | Expected | Settled |',
      '|---|---|---:|---:|',
      ...totals.byType.map(
        (t) =>
          `| ${t.detailedType} | ${t.currency} | ${money(t.expected, t.currency)} | ${money(t.actual, t.currency)} |`,
      ),
      '',
    );
  lines.push('## Findings', '');
  if (report.findings.length === 0)
    lines.push('None: every fraud transaction and every expectation match.', '');
  else
    lines.push(
      '| Order | Finding | What | Payouts | Rules |',
      '|---|---|---|---|---|',
      ...report.findings.map(
        (f) =>
          `| ${code(f.orderId)} | ${f.kind} | ${cell(what(f))} | ${list(f.paymentReferences)} | ${f.rules.join(', ') || '—'} |`,
      ),
      '',
    );
  if (totals.invalid > 0)
    lines.push(
      '## Invalid rows',
      '',
      '| File | Line | Reason |',
      '|---|---:|---|',
      ...report.invalidRows.map((r) => `| ${code(r.file)} | ${r.line} | ${cell(r.reason)} |`),
      ...(totals.invalid > report.invalidRows.length
        ? ['', `${totals.invalid - report.invalidRows.length} more invalid rows are not listed.`]
        : []),
      '',
    );
  return lines.join('\n');
};
