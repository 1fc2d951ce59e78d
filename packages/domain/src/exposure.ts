import { isRecallableCarrier } from './carriers';
import type { Policy } from './policy';
import type { RuleId } from './rules';
import type { OrderState, ParcelState, StopDetails } from './state';
import { DAY_MS, HOUR_MS, instantMillis } from './timestamp';

/** One part of the order that carries a claim: a parcel, or the whole order. */
export interface Exposure {
  /** A parcel's key (tracking number or `#n`), or `order` for the whole order. */
  readonly key: string;
  readonly gross: number;
  readonly tax: number;
  /** Rule/assumption IDs whose requirement this part failed; empty when covered (SR-10). */
  readonly breaches: readonly RuleId[];
}

/** What is exposed and why: `undefined` exposures mean undetermined (no answer yet). */
export interface ExposureAssessment {
  readonly exposures: readonly Exposure[] | undefined;
  readonly reasons: readonly RuleId[];
}

const answeredLate = (stop: StopDetails, reportedAt: string, policy: Policy): boolean =>
  policy.responseDeadlineHours !== null &&
  instantMillis(reportedAt) - instantMillis(stop.requestedAt) >
    policy.responseDeadlineHours * HOUR_MS;

// an information request left unanswered past its deadline, when the investigation
// concluded after that deadline.
const informationMissed = (state: OrderState, policy: Policy): boolean => {
  const days = policy.informationDeadlineDays;
  if (days === null || state.conclusion === null) return false;
  const concludedAt = instantMillis(state.conclusion.concludedAt);
  return state.informationRequests.some((request) => {
    const deadline = instantMillis(request.requestedAt) + days * DAY_MS;
    const provided = request.providedAt === null ? Infinity : instantMillis(request.providedAt);
    return concludedAt > deadline && provided > deadline;
  });
};

const parcelBreaches = (
  stop: StopDetails,
  parcel: ParcelState,
  policy: Policy,
  missedInformation: boolean,
): RuleId[] => {
  const breaches: RuleId[] = [];
  if (answeredLate(stop, parcel.reportedAt, policy)) breaches.push('A-6');
  if (parcel.trackingNumber === null) breaches.push('SR-6');
  if (
    policy.shippedAfterStopRequestIsBreach &&
    instantMillis(parcel.shippedAt) > instantMillis(stop.requestedAt)
  )
    breaches.push('A-3');
  if (
    policy.requireMerchantRecallForOtherCarriers &&
    parcel.trackingNumber !== null &&
    !isRecallableCarrier(parcel.carrier, policy) &&
    parcel.recallRequestedByMerchantAt === null
  )
    breaches.push('A-4');
  if (missedInformation) breaches.push('A-7');
  return breaches;
};

const wholeOrder = (stop: StopDetails, breaches: RuleId[]): Exposure => ({
  key: 'order',
  gross: stop.totalAmount,
  tax: stop.totalTaxAmount,
  breaches,
});

const unique = (ids: readonly RuleId[]): RuleId[] => [...new Set(ids)];

/**
 * Which parts of the order carry a claim and whether each meets the policy requirements
 * (SR-10). Stopped orders and cases closed as not fraud expose nothing.
 */
export const assessExposure = (state: OrderState, policy: Policy): ExposureAssessment => {
  const { stop } = state;
  if (stop === null) return { exposures: undefined, reasons: [] };
  if (state.conclusion?.outcome === 'not-fraud') return { exposures: [], reasons: ['SR-11'] };
  if (state.stopped !== null)
    return { exposures: [], reasons: [stop.purchaseKind === 'service' ? 'SR-4' : 'SR-3'] };
  const missedInformation = informationMissed(state, policy);
  const informationReason: RuleId[] = missedInformation ? ['A-7'] : [];

  if (state.parcels.length > 0) {
    const exposures = state.parcels
      .filter((parcel) => parcel.returnedAt === null)
      .map((parcel) => ({
        key: parcel.key,
        gross: parcel.amount ?? stop.totalAmount,
        tax: parcel.taxAmount ?? stop.totalTaxAmount,
        breaches: parcelBreaches(stop, parcel, policy, missedInformation),
      }));
    const reasons: RuleId[] = [];
    if (state.parcels.some((p) => p.trackingNumber !== null)) reasons.push('SR-5');
    if (state.parcels.some((p) => p.returnedAt !== null)) reasons.push('SR-8');
    for (const exposure of exposures) reasons.push(...exposure.breaches);
    if (exposures.length > 0) reasons.push('SR-10');
    return { exposures, reasons: unique(reasons) };
  }

  if (state.serviceNotInterruptibleAt !== null) {
    const breaches: RuleId[] = [];
    if (!policy.nonInterruptibleServiceCovered) breaches.push('A-1');
    if (answeredLate(stop, state.serviceNotInterruptibleAt, policy)) breaches.push('A-6');
    breaches.push(...informationReason);
    return {
      exposures: [wholeOrder(stop, breaches)],
      reasons: unique(['SR-4', 'A-1', ...breaches, 'SR-10']),
    };
  }

  // No answer at all (SR-2): undetermined until the investigation concludes.
  if (state.conclusion === null) return { exposures: undefined, reasons: ['SR-2'] };
  const breaches: RuleId[] = policy.requireFormResponse
    ? ['A-2', ...informationReason]
    : informationReason;
  return {
    exposures: [wholeOrder(stop, breaches)],
    reasons: unique(['SR-2', 'A-2', ...breaches, 'SR-10']),
  };
};
