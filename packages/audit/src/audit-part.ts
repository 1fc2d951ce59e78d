import type { Liability } from '@order-liability/domain';
import type { AuditResult, Discrepancy, InvalidEntry, OrderRow } from './report';
import { TotalsByCurrency } from './totals';

/** A value with the position (0-based) of the record it came from, or that first named its order. */
export interface Sequenced<T> {
  readonly seq: number;
  readonly value: T;
}

/** The audit of some of the orders (all of them, or one partition). */
export interface AuditPart {
  readonly orders: number;
  /** Empty unless rows were asked for. */
  readonly rows: readonly Sequenced<OrderRow>[];
  readonly discrepancies: readonly Sequenced<Discrepancy>[];
  readonly invalid: readonly Sequenced<InvalidEntry>[];
  readonly events: number;
  readonly byLiability: Readonly<Record<Liability, number>>;
  readonly totals: TotalsByCurrency;
}

export const emptyLiabilityCounts = (): Record<Liability, number> => ({
  klarna: 0,
  merchant: 0,
  split: 0,
  none: 0,
  undetermined: 0,
});

const liabilities: readonly Liability[] = ['klarna', 'merchant', 'split', 'none', 'undetermined'];

const values = <T>(items: readonly Sequenced<T>[]): T[] => items.map(({ value }) => value);

/** The result of one part that covers every order, its lists already in order. */
export const resultOf = (part: AuditPart, records: number): AuditResult => ({
  report: {
    summary: {
      orders: part.orders,
      events: part.events,
      invalid: part.invalid.length,
      discrepancies: part.discrepancies.length,
      byLiability: part.byLiability,
      totals: part.totals.toRecord(),
    },
    discrepancies: values(part.discrepancies),
    invalid: values(part.invalid),
  },
  orders: values(part.rows),
  records,
});

// Stable: several entries of one record, or discrepancies of one order, keep their order.
const inOrder = <T>(lists: readonly (readonly Sequenced<T>[])[]): Sequenced<T>[] =>
  lists.flat().sort((a, b) => a.seq - b.seq);

/**
 * Merges parts into one result exactly as a single pass would have produced it: orders and
 * discrepancies by the record that first named the order, invalid entries by record.
 */
export const mergeParts = (parts: readonly AuditPart[], records: number): AuditResult => {
  const byLiability = emptyLiabilityCounts();
  const totals = new TotalsByCurrency();
  for (const part of parts) {
    for (const liability of liabilities) byLiability[liability] += part.byLiability[liability];
    totals.merge(part.totals);
  }
  return resultOf(
    {
      orders: parts.reduce((sum, part) => sum + part.orders, 0),
      rows: inOrder(parts.map((part) => part.rows)),
      discrepancies: inOrder(parts.map((part) => part.discrepancies)),
      invalid: inOrder(parts.map((part) => part.invalid)),
      events: parts.reduce((sum, part) => sum + part.events, 0),
      byLiability,
      totals,
    },
    records,
  );
};
