import type { SettlementLine } from '@order-liability/domain';
import type { CurrencyTotals } from './report';

/** Running sums of settlement lines by currency, in integer minor units. */
export class TotalsByCurrency {
  private readonly sums = new Map<string, { fraudReturn: number; fraudPolicy: number }>();

  add(lines: readonly SettlementLine[]): void {
    for (const line of lines) {
      let sum = this.sums.get(line.currency);
      if (sum === undefined) {
        sum = { fraudReturn: 0, fraudPolicy: 0 };
        this.sums.set(line.currency, sum);
      }
      if (line.kind === 'fraud-return') sum.fraudReturn += line.amount;
      else sum.fraudPolicy += line.amount;
    }
  }

  /** Adds the sums of another tally. */
  merge(other: TotalsByCurrency): void {
    for (const [currency, sum] of other.sums) {
      const mine = this.sums.get(currency);
      if (mine === undefined) this.sums.set(currency, { ...sum });
      else {
        mine.fraudReturn += sum.fraudReturn;
        mine.fraudPolicy += sum.fraudPolicy;
      }
    }
  }

  /** Adds sums given as a record (as `toRecord` gives them, e.g. from a worker thread). */
  mergeRecord(record: Readonly<Record<string, CurrencyTotals>>): void {
    for (const [currency, sum] of Object.entries(record)) {
      const mine = this.sums.get(currency);
      if (mine === undefined) this.sums.set(currency, { ...sum });
      else {
        mine.fraudReturn += sum.fraudReturn;
        mine.fraudPolicy += sum.fraudPolicy;
      }
    }
  }

  /** The totals keyed by currency code, codes in alphabetical order. */
  toRecord(): Record<string, CurrencyTotals> {
    const record: Record<string, CurrencyTotals> = {};
    for (const currency of [...this.sums.keys()].sort()) {
      const sum = this.sums.get(currency);
      if (sum !== undefined) record[currency] = { ...sum };
    }
    return record;
  }
}
