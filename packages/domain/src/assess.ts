import type { Decision, Liability } from './decision';
import { assessExposure, type Exposure } from './exposure';
import { nextStepsFor } from './next-steps';
import { type PolicyOverride, resolvePolicy } from './policy';
import type { RuleId } from './rules';
import { settlementLinesFor } from './settlement-lines';
import type { OrderState } from './state';
import { caseStatus } from './status';

const liabilityOf = (exposures: readonly Exposure[] | undefined): Liability => {
  if (exposures === undefined) return 'undetermined';
  if (exposures.length === 0) return 'none';
  const covered = exposures.filter((e) => e.breaches.length === 0).length;
  if (covered === exposures.length) return 'klarna';
  return covered === 0 ? 'merchant' : 'split';
};

/**
 * The liability decision for a folded order: who carries the loss if it proves fraudulent,
 * the case status, the settlement lines once fraud is confirmed, the rule IDs behind it and
 * who does what next. A pure function of the state and the policy (SR-13).
 */
export const assessLiability = (state: OrderState, policy?: PolicyOverride): Decision => {
  const resolved = resolvePolicy(policy);
  const { exposures, reasons } = assessExposure(state, resolved);
  const status = caseStatus(state);
  const fraud = state.conclusion?.outcome === 'fraud';
  const settlementLines =
    fraud && exposures !== undefined && state.stop !== null
      ? settlementLinesFor(exposures, state.stop.currency)
      : [];
  const extra: RuleId[] = [];
  if (state.disputedAt !== null) extra.push('SR-7');
  if (state.overdueAt !== null) extra.push('SR-12');
  if (settlementLines.length > 0) extra.push('SR-9');
  return {
    orderId: state.stop?.orderId ?? '',
    liability: liabilityOf(exposures),
    status,
    settlementLines,
    reasons: [...new Set([...reasons, ...extra])],
    nextSteps: nextStepsFor(state, status, settlementLines, resolved),
  };
};
