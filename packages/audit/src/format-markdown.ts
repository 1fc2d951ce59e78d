import { formatAmount } from '@order-liability/domain';
import { describeLines } from './describe-lines';
import type { AuditReport, Discrepancy, InvalidEntry } from './report';

/** What the report was made from, shown under the heading. */
export interface ReportContext {
  readonly source?: string;
  readonly asOf?: string;
  readonly policy?: string;
}

// Text from the input goes into table cells: keep it on one line and out of the table syntax.
const cell = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

const contextLines = (context: ReportContext): string[] => {
  const parts = [
    ...(context.source === undefined ? [] : [`Source: ${code(context.source)}`]),
    ...(context.asOf === undefined ? [] : [`As of: ${code(context.asOf)}`]),
    `Policy: ${context.policy === undefined ? 'default' : code(context.policy)}`,
  ];
  return [parts.join(' · '), ''];
};

const summaryTable = (report: AuditReport): string[] => {
  const { summary } = report;
  const liabilities = Object.entries(summary.byLiability).map(
    ([liability, count]) => `| Liability \`${liability}\` | ${count} |`,
  );
  return [
    '## Summary',
    '',
    '| | Count |',
    '|---|---:|',
    `| Orders | ${summary.orders} |`,
    `| Events replayed | ${summary.events} |`,
    `| Invalid records | ${summary.invalid} |`,
    `| Discrepancies | ${summary.discrepancies} |`,
    ...liabilities,
    '',
  ];
};

const totalsTable = (report: AuditReport): string[] => {
  const entries = Object.entries(report.summary.totals);
  if (entries.length === 0) return [];
  return [
    '## Totals of the recomputed settlement lines',
    '',
    '| Currency | Returnering (bedrageri) | Bedrageripolicy |',
    '|---|---:|---:|',
    ...entries.map(
      ([currency, totals]) =>
        `| ${currency} | ${formatAmount(totals.fraudReturn, currency)} | ${formatAmount(totals.fraudPolicy, currency)} |`,
    ),
    '',
  ];
};

const discrepancyBlock = (d: Discrepancy): string[] => [
  `### Order ${code(d.orderId)}: ${d.kind}`,
  '',
  `- Booked: ${describeLines(d.booked)}`,
  `- Expected: ${describeLines(d.expected)}`,
  ...(d.skipped ?? []).map(
    (p) => `- Skipped event ${p.index} (${p.type}): ${p.code}, ${cell(p.message)}`,
  ),
  ...(d.returns ?? []).map(
    (r) =>
      `- Returned after the booking: ${r.trackingNumber === null ? 'every parcel' : `parcel ${code(r.trackingNumber)}`} on ${r.returnedAt}`,
  ),
  '',
];

const discrepancySection = (report: AuditReport): string[] => [
  '## Discrepancies',
  '',
  ...(report.discrepancies.length === 0
    ? ['None: every booked settlement matches the recomputed decision.', '']
    : report.discrepancies.flatMap(discrepancyBlock)),
];

const invalidRow = (entry: InvalidEntry): string =>
  `| ${entry.line ?? ''} | ${entry.streamId === undefined ? '' : cell(entry.streamId)} | ${entry.revision ?? ''} | ${cell(entry.reason)} |`;

const invalidSection = (report: AuditReport): string[] => [
  '## Invalid records',
  '',
  ...(report.invalid.length === 0
    ? ['None.', '']
    : [
        '| Line | Stream | Revision | Reason |',
        '|---:|---|---:|---|',
        ...report.invalid.map(invalidRow),
        '',
      ]),
];

/** The report as Markdown for a person: heading, summary table, then each finding. */
export const formatMarkdown = (report: AuditReport, context: ReportContext = {}): string =>
  [
    '# Order liability audit',
    '',
    ...contextLines(context),
    ...summaryTable(report),
    ...totalsTable(report),
    ...discrepancySection(report),
    ...invalidSection(report),
  ].join('\n');
