import type { OrderState, SettlementLine } from '@order-liability/domain';
import type { Discrepancy } from './report';
import { sameLines } from './same-lines';

/**
 * Compares what was booked for one order with the recomputed lines. The first booking is
 * the one compared; any further booking is `booked-twice`, whose `booked` lists the lines
 * of every booking in order. Besides one discrepancy about the first booking (or its
 * absence) and `booked-twice`, a history with events `decide` would have refused is
 * `inconsistent-history` (the replay skipped them), and a return after the booking is
 * `returned-after-settlement` (the booking needs a correction).
 */
export const compareSettlement = (
  orderId: string,
  state: OrderState,
  expected: readonly SettlementLine[],
): Discrepancy[] => {
  // No destructuring: it iterates, and iterating the state's frozen lists is slow in V8.
  const first = state.settlements[0];
  const found: Discrepancy[] = [];
  if (state.skipped.length > 0)
    found.push({
      orderId,
      kind: 'inconsistent-history',
      booked: first?.lines ?? [],
      expected,
      skipped: state.skipped,
    });
  if (first === undefined) {
    if (expected.length > 0)
      found.push({ orderId, kind: 'fraud-not-booked', booked: [], expected });
    return found;
  }
  if (state.conclusion?.outcome !== 'fraud')
    found.push({ orderId, kind: 'booked-without-fraud', booked: first.lines, expected });
  else if (!sameLines(first.lines, expected))
    found.push({ orderId, kind: 'lines-differ', booked: first.lines, expected });
  if (state.settlements.length > 1)
    found.push({
      orderId,
      kind: 'booked-twice',
      booked: state.settlements.flatMap((booking) => booking.lines),
      expected,
    });
  if (state.returnsAfterSettlement.length > 0)
    found.push({
      orderId,
      kind: 'returned-after-settlement',
      booked: first.lines,
      expected,
      returns: state.returnsAfterSettlement,
    });
  return found;
};
