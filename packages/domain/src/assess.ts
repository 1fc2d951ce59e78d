import type { Decision, Liability } from './decision';
import { assessExposure } from './exposure';
import { nextStepsFor } from './next-steps';
import type { ParcelExposure } from './parcel-exposure';
import { type PolicyOverride, resolvePolicy } from './policy';
import type { RuleId } from './rules';
import { settlementLinesFor } from './settlement-lines';
import type { OrderState } from './state';
import { caseStatus } from './status';

const liabilityOf = (parts: readonly ParcelExposure[] | undefined): Liability => {
  if (parts === undefined) return 'undetermined';
  if (parts.length === 0) return 'none';
  const covered = parts.filter((p) => p.covered).length;
  if (covered === parts.length) return 'klarna';
  return covered === 0 ? 'merchant' : 'split';
};

/** The reasons of a decision: the exposure's, then SR-7/SR-12 and SR-9 when lines exist. */
export const decisionReasons = (
  state: OrderState,
  exposureReasons: readonly RuleId[],
  withLines: boolean,
): RuleId[] => {
  const reasons: RuleId[] = [...exposureReasons];
  if (state.disputedAt !== null) reasons.push('SR-7');
  if (state.overdueAt !== null) reasons.push('SR-12');
  if (withLines) reasons.push('SR-9');
  return [...new Set(reasons)];
};

/**
 * The decision the rules give for the history under `policy`, as if nothing had been booked
 * (status and next steps included): what an audit compares a booking with, and what
 * BookSettlement books. Returns registered after a booking stay out of it: they ask for a
 * correction of that booking, not for another decision.
 */
export const recomputeDecision = (booked: OrderState, policy?: PolicyOverride): Decision => {
  const state = booked.settlements.length === 0 ? booked : { ...booked, settlements: [] };
  const resolved = resolvePolicy(policy);
  const { parts, reasons } = assessExposure(state, resolved);
  const status = caseStatus(state);
  const fraud = state.conclusion?.outcome === 'fraud';
  const settlementLines =
    fraud && parts !== undefined && state.stop !== null
      ? settlementLinesFor(parts, state.stop.currency)
      : [];
  return {
    orderId: state.stop?.orderId ?? '',
    liability: liabilityOf(parts),
    status,
    settlementLines,
    exposure: parts ?? [],
    reasons: decisionReasons(state, reasons, settlementLines.length > 0),
    nextSteps: nextStepsFor(state, status, settlementLines, resolved),
  };
};

/**
 * The liability decision for a folded order: who carries the loss if it proves fraudulent,
 * the case status, the settlement lines once fraud is confirmed, the rule IDs behind it and
 * who does what next. A pure function of the state and the policy (SR-13). Once a settlement
 * is booked the decision is the booking's: the policy no longer changes it.
 */
export const assessLiability = (state: OrderState, policy?: PolicyOverride): Decision => {
  const [booking] = state.settlements;
  if (booking === undefined) return recomputeDecision(state, policy);
  return {
    orderId: state.stop?.orderId ?? '',
    liability: booking.liability,
    status: 'settled',
    settlementLines: booking.lines,
    exposure: booking.exposure,
    reasons: booking.reasons,
    nextSteps: nextStepsFor(state, 'settled', booking.lines, resolvePolicy(policy)),
  };
};
