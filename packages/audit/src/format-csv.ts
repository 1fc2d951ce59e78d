import { csvRow } from './csv';
import { describeLines } from './describe-lines';
import type { OrderRow } from './report';

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
];

const sumOf = (row: OrderRow, kind: 'fraud-return' | 'fraud-policy'): number =>
  row.expected.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.amount, 0);

/**
 * One row per order with its recomputed decision: amounts of the recomputed lines in minor
 * units (fraudReturn, fraudPolicy), the same lines as text, how many settlements were
 * booked, the discrepancy kinds (`;`-separated) and the reasons (space-separated).
 */
export const formatCsv = (orders: readonly OrderRow[]): string =>
  [
    csvRow(HEADER),
    ...orders.map((row) =>
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
      ]),
    ),
  ].join('');
