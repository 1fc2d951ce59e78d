import type { FraudDetailedType } from './fraud-type';

/** Where a transaction was seen: the row and its payout ('' when the row names none). */
export interface Occurrence {
  readonly file: string;
  readonly line: number;
  readonly payout: string;
}

/** One distinct fraud transaction of an order: where it was first seen, and any repeats. */
export interface SeenTransaction {
  readonly detailedType: FraudDetailedType;
  readonly currency: string;
  /** Minor units, a magnitude. */
  readonly amount: number;
  readonly reference: string;
  readonly first: Occurrence;
  repeats: Occurrence[] | undefined;
}

// Orders have a handful of fraud transactions: a list searched in place costs far less memory
// than a Map each. An order with more (e.g. rows without any order id) gets an index.
const INDEX_FROM = 8;

const keyOf = (t: Omit<SeenTransaction, 'first' | 'repeats'>): string =>
  `${t.detailedType} ${t.currency} ${t.amount} ${t.reference}`;

/** The fraud transactions of one order, each distinct one once. */
export class OrderTransactions {
  /** Rows read for the order, repeats included. */
  count = 0;
  private readonly list: SeenTransaction[] = [];
  private index: Map<string, SeenTransaction> | undefined;

  add(
    detailedType: FraudDetailedType,
    currency: string,
    amount: number,
    reference: string,
    at: Occurrence,
  ): void {
    this.count += 1;
    const known = this.find(detailedType, currency, amount, reference);
    if (known !== undefined) {
      (known.repeats ??= []).push(at);
      return;
    }
    const seen: SeenTransaction = {
      detailedType,
      currency,
      amount,
      reference,
      first: at,
      repeats: undefined,
    };
    this.list.push(seen);
    if (this.index !== undefined) this.index.set(keyOf(seen), seen);
    else if (this.list.length > INDEX_FROM)
      this.index = new Map(this.list.map((t) => [keyOf(t), t]));
  }

  /** Every distinct transaction, in the order first seen. */
  values(): readonly SeenTransaction[] {
    return this.list;
  }

  private find(
    detailedType: FraudDetailedType,
    currency: string,
    amount: number,
    reference: string,
  ): SeenTransaction | undefined {
    if (this.index !== undefined)
      return this.index.get(keyOf({ detailedType, currency, amount, reference }));
    // A plain loop: a search callback would be a closure made for every row.
    for (const t of this.list)
      if (
        t.amount === amount &&
        t.detailedType === detailedType &&
        t.reference === reference &&
        t.currency === currency
      )
        return t;
    return undefined;
  }
}

/** Every occurrence of a transaction, the first one included. */
export const occurrencesOf = (seen: SeenTransaction): readonly Occurrence[] =>
  seen.repeats === undefined ? [seen.first] : [seen.first, ...seen.repeats];
