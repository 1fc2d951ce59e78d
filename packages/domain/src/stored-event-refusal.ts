import {
  alreadyConcluded,
  orderStopped,
  parcelReportedTwice,
  stopAlreadyRequested,
} from './case-refusals';
import type { DomainError } from './errors';
import type { Event } from './events';
import { type FoldIndex, parcelWithTrackingNumber } from './fold-index';
import { parcelAmountsError } from './parcel-amounts';
import type { OrderState } from './state';

/** Whether a stored shipment on a service order stands for "cannot be interrupted". */
export const isServiceAnswer = (state: OrderState, event: Event): boolean =>
  event.type === 'ShippedWithoutTracking' && state.stop?.purchaseKind === 'service';

/**
 * The refusal `decide` would have given the command behind a stored event at its place in the
 * stream, for exactly the situations that would make money or status wrong if applied: a
 * second stop request, a shipment after a confirmed stop, a tracking number reported twice,
 * parcels that do not fit the order, and a recall or an answer after the conclusion.
 * Bookings are always applied: the audit reports odd ones on its own terms.
 */
export const storedEventRefusal = (
  state: OrderState,
  event: Event,
  index: FoldIndex,
): DomainError | undefined => {
  const { stop } = state;
  switch (event.type) {
    case 'StopRequested':
      return stop === null ? undefined : stopAlreadyRequested(stop);
    case 'ShippedWithTracking':
    case 'ShippedWithoutTracking': {
      const stopped = orderStopped(state);
      if (stopped !== undefined || isServiceAnswer(state, event)) return stopped;
      const amounts = parcelAmountsError(event.data, index.sums, stop);
      if (amounts !== undefined) return amounts;
      return event.type === 'ShippedWithTracking' &&
        parcelWithTrackingNumber(index, event.data.trackingNumber) !== undefined
        ? parcelReportedTwice(event.data.trackingNumber)
        : undefined;
    }
    case 'RecallRequested':
    case 'InformationProvided':
      return alreadyConcluded(state);
    case 'OrderStopped':
    case 'ServiceCouldNotBeInterrupted':
    case 'Returned':
    case 'Disputed':
    case 'InvoiceOverdue':
    case 'InformationRequested':
    case 'InvestigationConcluded':
    case 'SettlementBooked':
      return undefined;
  }
};
