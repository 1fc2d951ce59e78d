import type { Liability } from './decision';
import { decisionReasons } from './recompute-settlement';
import type { EventOf, SettlementLine } from './events';
import { assessExposure } from './exposure';
import type { ParcelExposure } from './parcel-exposure';
import { defaultPolicy } from './policy';
import type { RuleId } from './rules';
import type { OrderState, SettlementState } from './state';
import { noItems } from './no-items';
import { sharedRuleList } from './shared-rule-list';

type Booking = EventOf<'SettlementBooked'>['data'];

const sumOf = (lines: Booking['lines'], kind: 'fraud-return' | 'fraud-policy'): number =>
  lines.reduce((sum, line) => (line.kind === kind ? sum + line.amount : sum), 0);

/**
 * A booking written before bookings carried their decision: its liability is read from its
 * lines (no "Bedrageripolicy" line: the merchant's; one paying out gross − tax of everything
 * exposed, or more: Klarna's; else split), its parts and reasons from the state it was booked on under
 * the default policy, the only one known for sure. Pure, so every replay derives the same.
 */
const legacyDecision = (state: OrderState, lines: Booking['lines']): BookedDecision => {
  // The exposure alone, not a whole decision: this runs inside fold, once per such booking.
  const assessed = assessExposure(state, defaultPolicy);
  const reasons = decisionReasons(state, assessed.reasons, lines.length > 0);
  if (lines.length === 0) return { liability: 'none', exposure: [], reasons };
  const { stop } = state;
  const recomputed = assessed.parts ?? [];
  // Lines booked where the rules expose nothing (no answer, no conclusion): the whole order.
  const parts: readonly ParcelExposure[] =
    recomputed.length > 0 || stop === null
      ? recomputed
      : [
          {
            key: 'order',
            gross: stop.totalAmount,
            tax: stop.totalTaxAmount,
            currency: stop.currency,
            covered: false,
            rules: ['SR-10'],
          },
        ];
  const paidOut = sumOf(lines, 'fraud-policy');
  const exposedNet = parts.reduce((sum, p) => sum + p.gross - p.tax, 0);
  const liability: Liability =
    paidOut === 0 ? 'merchant' : paidOut >= exposedNet ? 'klarna' : 'split';
  // A part whose cover the booking contradicts cites SR-10 alone: which requirement decided
  // it is not known.
  const asBooked = (p: ParcelExposure): ParcelExposure => {
    const covered = liability === 'split' ? p.covered : liability === 'klarna';
    return covered === p.covered ? p : { ...p, covered, rules: ['SR-10'] };
  };
  return { liability, exposure: parts.map(asBooked), reasons };
};

interface BookedDecision {
  readonly liability: Liability;
  readonly exposure: readonly ParcelExposure[];
  readonly reasons: readonly RuleId[];
}

// Field by field, in one order: a stored copy (PostgreSQL's jsonb orders keys its own way)
// must give the same decision, byte for byte (SR-13).
const partCopy = (p: ParcelExposure): ParcelExposure =>
  Object.freeze({
    key: p.key,
    gross: p.gross,
    tax: p.tax,
    currency: p.currency,
    covered: p.covered,
    rules: sharedRuleList(p.rules),
  });

const lineCopy = (line: SettlementLine): SettlementLine =>
  Object.freeze({
    kind: line.kind,
    label: line.label,
    amount: line.amount,
    currency: line.currency,
  });

// `map`, not pushes onto `[]`: its array is exactly as long as the list, where a first push
// makes room for 16 more, memory a booking then holds for as long as its state lives.
const frozenCopies = <T>(items: readonly T[], copy: (item: T) => T): readonly T[] =>
  items.length === 0 ? noItems : Object.freeze(items.map((item) => copy(item)));

const booked = (
  booking: Booking,
  liability: Liability,
  exposure: readonly ParcelExposure[],
  reasons: readonly RuleId[],
): SettlementState =>
  Object.freeze({
    bookedAt: booking.bookedAt,
    lines: frozenCopies(booking.lines, lineCopy),
    liability,
    exposure: frozenCopies(exposure, partCopy),
    reasons: sharedRuleList(reasons),
  });

/**
 * What a SettlementBooked records: the lines, the liability and the parts as booked, frozen
 * all the way down (a booking never changes). From then on the case's decision is the
 * booking's, whatever policy is passed later (item 4 of the second pass, docs/choices.md).
 */
export const bookedDecisionOf = (state: OrderState, booking: Booking): SettlementState => {
  const { liability, exposure, reasons } = booking;
  if (liability !== undefined && exposure !== undefined && reasons !== undefined)
    return booked(booking, liability, exposure, reasons);
  const derived = legacyDecision(state, booking.lines);
  return booked(booking, derived.liability, derived.exposure, derived.reasons);
};
