import type { OrderState } from './state';

export type CaseStatus =
  | 'awaiting-merchant-response'
  | 'stopped'
  | 'shipped'
  | 'awaiting-dispute'
  | 'returned'
  | 'under-investigation'
  | 'resolved-fraud'
  | 'resolved-not-fraud'
  | 'settled';

/** The case status: the first that applies, in the order docs/domain.md pins. */
export const caseStatus = (state: OrderState): CaseStatus => {
  if (state.settlements.length > 0) return 'settled';
  if (state.conclusion !== null)
    return state.conclusion.outcome === 'fraud' ? 'resolved-fraud' : 'resolved-not-fraud';
  if (state.stopped !== null) return 'stopped';
  if (state.disputedAt !== null || state.overdueAt !== null) return 'under-investigation';
  if (state.parcels.length > 0)
    return state.parcels.every((p) => p.returnedAt !== null) ? 'returned' : 'shipped';
  if (state.serviceNotInterruptibleAt !== null) return 'awaiting-dispute';
  return 'awaiting-merchant-response';
};
