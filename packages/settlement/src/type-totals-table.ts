import { type FraudDetailedType, fraudDetailedTypes } from './fraud-type';
import type { TypeTotals } from './report';

type Sums = { expected: number; actual: number };

/**
 * Expected and settled sums per fraud detailed type and currency, added to in place: a report
 * row adds to a sum found by its currency, with no key built and no object copied.
 */
export class TypeTotalsTable {
  // One table of sums by currency per detailed type, in the order of fraudDetailedTypes.
  private readonly byType: readonly Map<string, Sums>[] = fraudDetailedTypes.map(
    () => new Map<string, Sums>(),
  );

  add(
    detailedType: FraudDetailedType,
    currency: string,
    side: 'expected' | 'actual',
    amount: number,
  ): void {
    const table = this.byType[fraudDetailedTypes.indexOf(detailedType)];
    if (table === undefined) return;
    let sums = table.get(currency);
    if (sums === undefined) {
      sums = { expected: 0, actual: 0 };
      table.set(currency, sums);
    }
    sums[side] += amount;
  }

  /** Every type and currency added to, by type then currency. */
  list(): TypeTotals[] {
    return fraudDetailedTypes.flatMap((detailedType, index) =>
      [...(this.byType[index] ?? new Map<string, Sums>())]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([currency, { expected, actual }]) => ({ detailedType, currency, expected, actual })),
    );
  }
}
