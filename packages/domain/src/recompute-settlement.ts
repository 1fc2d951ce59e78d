import type { Liability } from './decision';
import type { SettlementLine } from './events';
import { assessExposure } from './exposure';
import type { ParcelExposure } from './parcel-exposure';
import type { Policy } from './policy';
import type { RuleId } from './rules';
import { settlementLinesFor } from './settlement-lines';
import type { OrderState } from './state';

/**
 * What the rules give for a history as if nothing were booked, without the case status and
 * next steps: the part of `recomputeDecision` that an audit compares bookings with and
 * totals. Each field equals the decision's field of that name.
 */
export interface SettlementAssessment {
  readonly liability: Liability;
  /** Empty unless fraud is confirmed (SR-9). */
  readonly settlementLines: readonly SettlementLine[];
  readonly exposure: readonly ParcelExposure[];
  readonly reasons: readonly RuleId[];
}

const liabilityOf = (parts: readonly ParcelExposure[] | undefined): Liability => {
  if (parts === undefined) return 'undetermined';
  if (parts.length === 0) return 'none';
  let covered = 0;
  for (let i = 0; i < parts.length; i++) if (parts[i]?.covered === true) covered += 1;
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
 * The liability, settlement lines, exposure and reasons the rules give for the history under
 * a resolved `policy` (`resolvePolicy`), ignoring any booking — as `recomputeDecision` gives
 * them, without building the status and next steps (their texts, the formatted amounts) an
 * audit of many orders does not read. Resolve the policy once for all the orders.
 */
export const recomputeSettlement = (state: OrderState, policy: Policy): SettlementAssessment => {
  const { parts, reasons } = assessExposure(state, policy);
  const fraud = state.conclusion?.outcome === 'fraud';
  const settlementLines =
    fraud && parts !== undefined && state.stop !== null
      ? settlementLinesFor(parts, state.stop.currency)
      : [];
  return {
    liability: liabilityOf(parts),
    settlementLines,
    exposure: parts ?? [],
    reasons: decisionReasons(state, reasons, settlementLines.length > 0),
  };
};
