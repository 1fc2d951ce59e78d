import type { Draft } from 'immer';
import { bookedDecisionOf } from './booked-decision';
import type { Event } from './events';
import {
  addToIndex,
  advanceOpenRequest,
  type FoldIndex,
  parcelsWithKey,
  parcelWithTrackingNumber,
  reindexParcels,
} from './fold-index';
import { addParcel, noneShipped, parcelAmountsError } from './parcel-amounts';
import type { OrderState, ParcelState, StopDetails } from './state';
import { instantMillis } from './timestamp';
import { isServiceAnswer, storedEventRefusal } from './stored-event-refusal';

type MutableState = Draft<OrderState>;

/**
 * A writable copy of the stop details (risk notes included), field by field: a literal keeps
 * one object shape for every order, and V8 copies a spread followed by more keys slowly.
 */
export const copyStop = (stop: StopDetails): Draft<StopDetails> => {
  const copy: Draft<StopDetails> = {
    orderId: stop.orderId,
    merchantId: stop.merchantId,
    purchaseKind: stop.purchaseKind,
    currency: stop.currency,
    totalAmount: stop.totalAmount,
    totalTaxAmount: stop.totalTaxAmount,
    requestedAt: stop.requestedAt,
  };
  if (stop.riskNotes !== undefined) copy.riskNotes = [...stop.riskNotes];
  return copy;
};

const shipped = (
  state: MutableState,
  index: FoldIndex,
  data: {
    carrier?: string;
    trackingNumber?: string;
    shippedAt: string;
    reportedAt: string;
    amount?: number;
    taxAmount?: number;
    collected?: boolean;
  },
): void => {
  const trackingNumber = data.trackingNumber ?? null;
  const parcel: Draft<ParcelState> = {
    key: trackingNumber ?? `#${state.parcels.length + 1}`,
    trackingNumber,
    carrier: data.carrier ?? null,
    shippedAt: data.shippedAt,
    reportedAt: data.reportedAt,
    amount: data.amount ?? null,
    taxAmount: data.taxAmount ?? null,
    collected: data.collected ?? null,
    returnedAt: null,
    recallRequestedByKlarnaAt: null,
    recallRequestedByMerchantAt: null,
    eventIndex: state.eventCount - 1,
  };
  state.parcels.push(parcel);
  // The draft's own element: under immer's produce, the pushed object becomes a draft.
  const pushed = state.parcels[state.parcels.length - 1];
  if (pushed !== undefined) addToIndex(index, pushed);
};

/**
 * The one recipe of the rules of evolution: draft mutations for one event. `evolve` runs it
 * under immer's `produce`; `fold` runs it on a private copy and freezes once at the end.
 * Event data is copied, never referenced, so freezing the state never freezes the caller's
 * events.
 */
export const applyEvent = (state: MutableState, event: Event, index: FoldIndex): void => {
  const position = state.eventCount;
  state.eventCount += 1;
  const refusal = storedEventRefusal(state, event, index);
  if (refusal !== undefined) {
    state.skipped.push({
      index: position,
      type: event.type,
      code: refusal.code,
      message: refusal.message,
    });
    return;
  }
  switch (event.type) {
    case 'StopRequested':
      state.stop = copyStop(event.data);
      if (state.parcels.length > 0) dropParcelsOverTheOrder(state, index);
      return;
    case 'OrderStopped':
      state.stopped = { stoppedAt: event.data.stoppedAt, method: event.data.method };
      return;
    case 'ServiceCouldNotBeInterrupted':
      state.serviceNotInterruptibleAt ??= event.data.reportedAt;
      return;
    case 'ShippedWithTracking':
      shipped(state, index, event.data);
      return;
    case 'ShippedWithoutTracking':
      // on a service order this is the form's "cannot be interrupted" answer.
      if (isServiceAnswer(state, event)) state.serviceNotInterruptibleAt ??= event.data.reportedAt;
      else shipped(state, index, event.data);
      return;
    case 'RecallRequested': {
      const { trackingNumber, requestedBy, requestedAt } = event.data;
      const parcel = parcelWithTrackingNumber(index, trackingNumber);
      if (parcel === undefined) return;
      // The earliest recall counts, in whatever order the history recorded them.
      if (requestedBy === 'klarna')
        parcel.recallRequestedByKlarnaAt = earliest(parcel.recallRequestedByKlarnaAt, requestedAt);
      else
        parcel.recallRequestedByMerchantAt = earliest(
          parcel.recallRequestedByMerchantAt,
          requestedAt,
        );
      return;
    }
    case 'Returned': {
      const { trackingNumber, returnedAt } = event.data;
      // SR-8 after the payout: the booking stands; the return asks for a correction.
      if (state.settlements.length > 0) {
        if (trackingNumber === undefined || parcelsWithKey(index, trackingNumber).length > 0)
          state.returnsAfterSettlement.push({ trackingNumber: trackingNumber ?? null, returnedAt });
        return;
      }
      for (const parcel of trackingNumber === undefined
        ? state.parcels
        : parcelsWithKey(index, trackingNumber))
        parcel.returnedAt ??= returnedAt;
      return;
    }
    case 'Disputed':
      state.disputedAt ??= event.data.disputedAt;
      return;
    case 'InvoiceOverdue':
      state.overdueAt ??= event.data.observedAt;
      return;
    case 'InformationRequested':
      state.informationRequests.push({
        requestedAt: event.data.requestedAt,
        topic: event.data.topic ?? null,
        providedAt: null,
      });
      return;
    case 'InformationProvided': {
      const open = state.informationRequests[index.firstOpenRequest];
      if (open !== undefined) open.providedAt = event.data.providedAt;
      advanceOpenRequest(index, state);
      return;
    }
    case 'InvestigationConcluded':
      state.conclusion ??= { concludedAt: event.data.concludedAt, outcome: event.data.outcome };
      return;
    case 'SettlementBooked':
      state.settlements.push(bookedDecisionOf(state, event.data));
      return;
    default:
      return unhandled(event);
  }
};

const earliest = (current: string | null, candidate: string): string =>
  current === null || instantMillis(candidate) < instantMillis(current) ? candidate : current;

/**
 * Parcels stored before the stop request could not be held to the order's amounts when they
 * were folded; once the order is known, those that do not fit (in the order they were
 * reported) are taken out and listed as skipped, as `decide` would have refused them.
 */
const dropParcelsOverTheOrder = (state: MutableState, index: FoldIndex): void => {
  const { stop } = state;
  if (stop === null) return;
  let sums = noneShipped;
  const kept: Draft<ParcelState>[] = [];
  for (const parcel of state.parcels) {
    const refusal = parcelAmountsError(parcel, sums, stop);
    if (refusal === undefined) {
      sums = addParcel(sums, parcel);
      kept.push(parcel);
      continue;
    }
    state.skipped.push({
      index: parcel.eventIndex,
      type: parcel.trackingNumber === null ? 'ShippedWithoutTracking' : 'ShippedWithTracking',
      code: refusal.code,
      message: refusal.message,
    });
  }
  if (kept.length === state.parcels.length) return;
  state.parcels = kept;
  state.skipped.sort((a, b) => a.index - b.index);
  reindexParcels(index, state);
};

// A new event type without its case here fails to compile.
const unhandled = (event: never): never => {
  throw new TypeError(`No rule of evolution for ${JSON.stringify(event)}`);
};
