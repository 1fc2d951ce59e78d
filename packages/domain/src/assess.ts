import type { Decision } from './decision';
import { nextStepsFor } from './next-steps';
import { type PolicyOverride, resolvePolicy } from './policy';
import { recomputeSettlement } from './recompute-settlement';
import type { OrderState } from './state';
import { caseStatus } from './status';

/**
 * The decision the rules give for the history under `policy`, as if nothing had been booked
 * (status and next steps included): what an audit compares a booking with, and what
 * BookSettlement books. Returns registered after a booking stay out of it: they ask for a
 * correction of that booking, not for another decision.
 */
export const recomputeDecision = (booked: OrderState, policy?: PolicyOverride): Decision => {
  const state = booked.settlements.length === 0 ? booked : { ...booked, settlements: [] };
  const resolved = resolvePolicy(policy);
  const { liability, settlementLines, exposure, reasons } = recomputeSettlement(state, resolved);
  const status = caseStatus(state);
  return {
    orderId: state.stop?.orderId ?? '',
    liability,
    status,
    settlementLines,
    exposure,
    reasons,
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
