import type { Draft } from 'immer';
import type { Liability } from './decision';
import type { EventOf } from './events';
import { assessExposure } from './exposure';
import type { ParcelExposure } from './parcel-exposure';
import { defaultPolicy } from './policy';
import type { OrderState, SettlementState } from './state';

type Booking = EventOf<'SettlementBooked'>['data'];

const sumOf = (lines: Booking['lines'], kind: 'fraud-return' | 'fraud-policy'): number =>
  lines.reduce((sum, line) => (line.kind === kind ? sum + line.amount : sum), 0);

/**
 * A booking written before bookings carried their decision: its liability is read from its
 * lines (no "Bedrageripolicy" line: the merchant's; one paying out gross − tax of everything
 * exposed: Klarna's; else split), its parts from the state it was booked on under the default
 * policy, the only one known for sure. Pure, so every replay derives the same.
 */
const legacyDecision = (
  state: OrderState,
  lines: Booking['lines'],
): { liability: Liability; exposure: readonly ParcelExposure[] } => {
  const parts = assessExposure(state, defaultPolicy).parts ?? [];
  if (lines.length === 0) return { liability: 'none', exposure: [] };
  const paidOut = sumOf(lines, 'fraud-policy');
  const exposedNet = parts.reduce((sum, p) => sum + p.gross - p.tax, 0);
  const liability: Liability =
    paidOut === 0 ? 'merchant' : paidOut === exposedNet ? 'klarna' : 'split';
  const exposure =
    liability === 'split' ? parts : parts.map((p) => ({ ...p, covered: liability === 'klarna' }));
  return { liability, exposure };
};

/**
 * What a SettlementBooked records: the lines, the liability and the parts as booked. From then
 * on the case's decision is the booking's, whatever policy is passed later (item 4 of the
 * second pass, docs/choices.md).
 */
export const bookedDecisionOf = (state: OrderState, booking: Booking): Draft<SettlementState> => {
  const lines = booking.lines.map((line) => ({ ...line }));
  const { liability, exposure } =
    booking.liability !== undefined && booking.exposure !== undefined
      ? { liability: booking.liability, exposure: booking.exposure }
      : legacyDecision(state, booking.lines);
  return {
    bookedAt: booking.bookedAt,
    lines,
    liability,
    exposure: exposure.map((p) => ({ ...p, rules: [...p.rules] })),
  };
};
