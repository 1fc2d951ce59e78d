import {
  type Decision,
  type OrderState,
  type PolicyOverride,
  resolvePolicy,
} from '@order-liability/domain';
import type { OrderDecisions } from '@order-liability/store';

/** A deadline of a case: the merchant's answer or requested information. */
export interface DueDeadline {
  readonly kind: 'merchant-answer' | 'information';
  readonly rule: 'A-6' | 'A-7';
  readonly dueAt: string;
  readonly overdue: boolean;
}

/** One row of Klarna staff's case list. */
export interface CaseSummary {
  readonly orderId: string;
  readonly merchantId: string;
  readonly status: Decision['status'];
  readonly liability: Decision['liability'];
  readonly currency: string;
  readonly totalAmount: number;
  /** Minor units Klarna may lose or reclaim: the exposed gross; the whole order while undetermined. */
  readonly moneyAtStake: number;
  readonly deadlines: readonly DueDeadline[];
}

const HOUR_MS = 3_600_000;

const deadlinesOf = (
  state: OrderState,
  policy: PolicyOverride | undefined,
  now: number,
): DueDeadline[] => {
  const { responseDeadlineHours, informationDeadlineDays } = resolvePolicy(policy);
  const stop = state.stop;
  if (stop === null || state.conclusion !== null || state.settlements.length > 0) return [];
  const due: DueDeadline[] = [];
  const answered =
    state.stopped !== null || state.serviceNotInterruptibleAt !== null || state.parcels.length > 0;
  if (!answered && responseDeadlineHours !== null) {
    const at = Date.parse(stop.requestedAt) + responseDeadlineHours * HOUR_MS;
    due.push({
      kind: 'merchant-answer',
      rule: 'A-6',
      dueAt: new Date(at).toISOString(),
      overdue: at < now,
    });
  }
  if (informationDeadlineDays !== null)
    for (const request of state.informationRequests) {
      if (request.providedAt !== null) continue;
      const at = Date.parse(request.requestedAt) + informationDeadlineDays * 24 * HOUR_MS;
      due.push({
        kind: 'information',
        rule: 'A-7',
        dueAt: new Date(at).toISOString(),
        overdue: at < now,
      });
    }
  return due;
};

const moneyAtStake = (decision: Decision, state: OrderState): number => {
  if (decision.liability === 'none') return 0;
  if (decision.liability === 'undetermined') return state.stop?.totalAmount ?? 0;
  return decision.exposure.reduce((sum, part) => sum + part.gross, 0);
};

/** The case list from the catch-up projection, in the order the cases first appeared. */
export const listCases = (
  projection: OrderDecisions,
  policy: PolicyOverride | undefined,
  now: Date,
): CaseSummary[] => {
  const { states } = projection.checkpoint();
  const rows: CaseSummary[] = [];
  for (const [orderId, decision] of projection.decisions()) {
    const state = states.get(orderId);
    const stop = state?.stop;
    if (state === undefined || stop === undefined || stop === null) continue;
    rows.push({
      orderId,
      merchantId: stop.merchantId,
      status: decision.status,
      liability: decision.liability,
      currency: stop.currency,
      totalAmount: stop.totalAmount,
      moneyAtStake: moneyAtStake(decision, state),
      deadlines: deadlinesOf(state, policy, now.getTime()),
    });
  }
  return rows;
};
