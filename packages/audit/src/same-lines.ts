import type { SettlementLine } from '@order-liability/domain';

/** Whether two lists of settlement lines are equal, line by line and in order. */
export const sameLines = (a: readonly SettlementLine[], b: readonly SettlementLine[]): boolean =>
  a.length === b.length &&
  a.every((line, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      line.kind === other.kind &&
      line.label === other.label &&
      line.amount === other.amount &&
      line.currency === other.currency
    );
  });
