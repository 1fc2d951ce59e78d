import { isRecallableCarrier } from './carriers';
import type { ParcelExposure } from './parcel-exposure';
import type { Policy } from './policy';
import type { RuleId } from './rules';
import type { OrderState, ParcelState } from './state';
import { DAY_MS, HOUR_MS, instantMillis } from './timestamp';

/** What is exposed and why: `undefined` parts mean undetermined (no answer yet). */
export interface ExposureAssessment {
  readonly parts: readonly ParcelExposure[] | undefined;
  readonly reasons: readonly RuleId[];
}

// The times every part is judged against, read once per assessment: a booking stored without
// its decision is assessed inside `fold`, so this runs once per such event of every replay.
interface CaseTimes {
  readonly requestedAt: number;
  /** null until the investigation concluded. */
  readonly concludedAt: number | null;
}

const answeredLate = (times: CaseTimes, reportedAt: number, policy: Policy): boolean =>
  policy.responseDeadlineHours !== null &&
  reportedAt - times.requestedAt > policy.responseDeadlineHours * HOUR_MS;

// an information request left unanswered past its deadline, when the investigation
// concluded after that deadline.
const informationMissed = (state: OrderState, policy: Policy): boolean => {
  const days = policy.informationDeadlineDays;
  if (days === null || state.conclusion === null) return false;
  const concludedAt = instantMillis(state.conclusion.concludedAt);
  // Index loops: the state's lists are frozen, and V8 iterates frozen arrays' callbacks slowly.
  const requests = state.informationRequests;
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i];
    if (request === undefined) continue;
    const deadline = instantMillis(request.requestedAt) + days * DAY_MS;
    const provided = request.providedAt === null ? Infinity : instantMillis(request.providedAt);
    if (concludedAt > deadline && provided > deadline) return true;
  }
  return false;
};

// an answer is one given before the investigation concluded.
const answeredAfterConclusion = (times: CaseTimes, reportedAt: number, policy: Policy): boolean =>
  policy.requireFormResponse && times.concludedAt !== null && reportedAt > times.concludedAt;

// Item 5 of the second pass: a recall dated after the conclusion changes no cover.
const recalledByMerchant = (times: CaseTimes, parcel: ParcelState): boolean =>
  parcel.recallRequestedByMerchantAt !== null &&
  (times.concludedAt === null ||
    instantMillis(parcel.recallRequestedByMerchantAt) <= times.concludedAt);

const parcelBreaches = (
  times: CaseTimes,
  parcel: ParcelState,
  policy: Policy,
  missedInformation: boolean,
): RuleId[] => {
  const breaches: RuleId[] = [];
  const reportedAt = instantMillis(parcel.reportedAt);
  if (answeredAfterConclusion(times, reportedAt, policy)) breaches.push('A-2');
  if (answeredLate(times, reportedAt, policy)) breaches.push('A-6');
  if (parcel.trackingNumber === null) breaches.push('SR-6');
  if (policy.shippedAfterStopRequestIsBreach && instantMillis(parcel.shippedAt) > times.requestedAt)
    breaches.push('A-3');
  if (
    policy.requireMerchantRecallForOtherCarriers &&
    parcel.trackingNumber !== null &&
    !isRecallableCarrier(parcel.carrier, policy) &&
    !recalledByMerchant(times, parcel)
  )
    breaches.push('A-4');
  if (missedInformation) breaches.push('A-7');
  return breaches;
};

/** A part that is covered when it broke nothing: then `basis` are the rules that cover it. */
const part = (
  key: string,
  gross: number,
  tax: number,
  currency: string,
  breaches: readonly RuleId[],
  basis: readonly RuleId[],
): ParcelExposure => ({
  key,
  gross,
  tax,
  currency,
  covered: breaches.length === 0,
  rules: breaches.length === 0 ? [...basis] : [...breaches],
});

const unique = (ids: readonly RuleId[]): RuleId[] => [...new Set(ids)];

/**
 * Which parts of the order carry a claim and whether each meets the policy requirements
 * (SR-10). Stopped orders and cases closed as not fraud expose nothing.
 */
export const assessExposure = (state: OrderState, policy: Policy): ExposureAssessment => {
  const { stop } = state;
  if (stop === null) return { parts: undefined, reasons: [] };
  if (state.conclusion?.outcome === 'not-fraud') return { parts: [], reasons: ['SR-11'] };
  if (state.stopped !== null)
    return { parts: [], reasons: [stop.purchaseKind === 'service' ? 'SR-4' : 'SR-3'] };
  const { currency } = stop;
  const missedInformation = informationMissed(state, policy);
  const times: CaseTimes = {
    requestedAt: instantMillis(stop.requestedAt),
    concludedAt: state.conclusion === null ? null : instantMillis(state.conclusion.concludedAt),
  };
  const informationReason: RuleId[] = missedInformation ? ['A-7'] : [];

  if (state.parcels.length > 0) {
    const { parcels } = state;
    const parts: ParcelExposure[] = [];
    let tracked = false;
    let returned = false;
    for (let i = 0; i < parcels.length; i++) {
      const parcel = parcels[i];
      if (parcel === undefined) continue;
      if (parcel.trackingNumber !== null) tracked = true;
      if (parcel.returnedAt !== null) {
        returned = true;
        continue;
      }
      parts.push(
        part(
          parcel.key,
          parcel.amount ?? stop.totalAmount,
          parcel.taxAmount ?? stop.totalTaxAmount,
          currency,
          parcelBreaches(times, parcel, policy, missedInformation),
          ['SR-5', 'SR-10'],
        ),
      );
    }
    const reasons: RuleId[] = [];
    if (tracked) reasons.push('SR-5');
    if (returned) reasons.push('SR-8');
    for (const exposed of parts) if (!exposed.covered) reasons.push(...exposed.rules);
    if (parts.length > 0) reasons.push('SR-10');
    return { parts, reasons: unique(reasons) };
  }

  const wholeOrder = (breaches: RuleId[], basis: RuleId[]): ParcelExposure =>
    part('order', stop.totalAmount, stop.totalTaxAmount, currency, breaches, basis);

  if (state.serviceNotInterruptibleAt !== null) {
    const breaches: RuleId[] = [];
    if (!policy.nonInterruptibleServiceCovered) breaches.push('A-1');
    const answeredAt = instantMillis(state.serviceNotInterruptibleAt);
    if (answeredAfterConclusion(times, answeredAt, policy)) breaches.push('A-2');
    if (answeredLate(times, answeredAt, policy)) breaches.push('A-6');
    breaches.push(...informationReason);
    return {
      parts: [wholeOrder(breaches, ['SR-4', 'A-1', 'SR-10'])],
      reasons: unique(['SR-4', 'A-1', ...breaches, 'SR-10']),
    };
  }

  // No answer at all (SR-2): undetermined until the investigation concludes.
  if (state.conclusion === null) return { parts: undefined, reasons: ['SR-2'] };
  const breaches: RuleId[] = policy.requireFormResponse
    ? ['A-2', ...informationReason]
    : informationReason;
  return {
    parts: [wholeOrder(breaches, ['A-2', 'SR-10'])],
    reasons: unique(['SR-2', 'A-2', ...breaches, 'SR-10']),
  };
};
