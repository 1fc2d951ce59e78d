import { csvRow } from './csv';
import { describeLines } from './describe-lines';
import type { InvalidEntry, OrderRow } from './report';

const HEADER = [
  'orderId',
  'status',
  'liability',
  'currency',
  'fraudReturn',
  'fraudPolicy',
  'lines',
  'bookings',
  'discrepancies',
  'reasons',
  'line',
  'streamId',
  'revision',
  'invalid',
];

const NO_INVALID = ['', '', '', ''] as const;
const NO_ORDER = ['', '', '', '', '', '', '', '', '', ''] as const;

const sumOf = (row: OrderRow, kind: 'fraud-return' | 'fraud-policy'): number =>
  row.expected.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.amount, 0);

const orderRow = (row: OrderRow): string =>
  csvRow([
    row.orderId,
    row.status,
    row.liability,
    row.currency,
    sumOf(row, 'fraud-return'),
    sumOf(row, 'fraud-policy'),
    describeLines(row.expected),
    row.bookings,
    row.discrepancies.join(';'),
    row.reasons.join(' '),
    ...NO_INVALID,
  ]);

const invalidRow = (entry: InvalidEntry): string =>
  csvRow([...NO_ORDER, entry.line ?? '', entry.streamId ?? '', entry.revision ?? '', entry.reason]);

/**
 * One row per order with its recomputed decision: amounts of the recomputed lines in minor
 * units (fraudReturn, fraudPolicy), the same lines as text, how many settlements were
 * booked, the discrepancy kinds (`;`-separated) and the reasons (space-separated); then one
 * row per invalid record, with only its line, stream, revision and reason filled in.
 */
export const formatCsv = (
  orders: readonly OrderRow[],
  invalid: readonly InvalidEntry[] = [],
): string => [csvRow(HEADER), ...orders.map(orderRow), ...invalid.map(invalidRow)].join('');
