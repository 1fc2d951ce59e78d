import type { Finding } from './finding';
import type { ReconciliationReport } from './report';
import type { InvalidRow, RowPlace } from './transaction';

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
const field = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
};

const row = (fields: readonly (string | number)[]): string => `${fields.map(field).join(',')}\r\n`;

const COLUMNS = [
  'order_id',
  'kind',
  'detailed_type',
  'currency',
  'expected',
  'actual',
  'reference',
  'payment_references',
  'rules',
  'rows',
  'reason',
];

const places = (rows: readonly RowPlace[]): string =>
  rows.map((place) => `${place.file}:${place.line}`).join(' ');

/** One line per amount: a missing or unexpected order has a line for each type it names. */
const findingRows = (finding: Finding): string[] => {
  const { orderId, kind } = finding;
  const common = [finding.paymentReferences.join(' '), finding.rules.join(' ')];
  switch (finding.kind) {
    case 'missing-in-settlement':
      return finding.expected.map((a) =>
        row([orderId, kind, a.detailedType, a.currency, a.amount, 0, '', ...common, '', '']),
      );
    case 'unexpected-in-settlement': {
      const reason = finding.knownOrder ? 'the decision expects none' : 'no case has this order';
      return finding.actual.map((a) =>
        row([orderId, kind, a.detailedType, a.currency, 0, a.amount, '', ...common, '', reason]),
      );
    }
    case 'amount-differs':
      return [
        row([
          orderId,
          kind,
          finding.detailedType,
          finding.currency,
          finding.expected,
          finding.actual,
          '',
          ...common,
          '',
          '',
        ]),
      ];
    case 'duplicate-in-settlement':
      return [
        row([
          orderId,
          kind,
          finding.detailedType,
          finding.currency,
          '',
          finding.amount,
          finding.reference,
          ...common,
          places(finding.rows),
          `${finding.rows.length} times`,
        ]),
      ];
  }
};

const invalidRow = (invalid: InvalidRow): string =>
  row([
    '',
    'invalid-row',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    `${invalid.file}:${invalid.line}`,
    invalid.reason,
  ]);

/**
 * The report as CSV (RFC 4180, CRLF): a header, one line per finding and amount (minor units),
 * then one line per invalid report row (`kind` invalid-row).
 */
export const formatReconciliationCsv = (report: ReconciliationReport): string =>
  [
    row(COLUMNS),
    ...report.findings.flatMap(findingRows),
    ...report.invalidRows.map(invalidRow),
  ].join('');
