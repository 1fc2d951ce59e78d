import { bookedDecisionOf } from './booked-decision';
import type { Event } from './events';
import type { FoldRun, WorkingParcel } from './fold-run';
import { frozenStop } from './frozen-state';
import { addParcel, noneShipped, parcelAmountsError } from './parcel-amounts';
import type { StopDetails } from './state';
import { instantMillis } from './timestamp';
import { alreadyConcluded, stopAlreadyRequested } from './case-refusals';
import type { DomainError } from './errors';
import { shipmentRefusal } from './stored-event-refusal';

const shipped = (
  run: FoldRun,
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
  const { state } = run;
  const trackingNumber = data.trackingNumber ?? null;
  run.addParcel({
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
  });
};

// A stored event that `decide` would have refused at its place: listed, not applied.
const skip = (run: FoldRun, event: Event, refusal: DomainError): void => {
  run.addSkipped(
    Object.freeze({
      index: run.state.eventCount - 1,
      type: event.type,
      code: refusal.code,
      message: refusal.message,
    }),
  );
};

/**
 * The rules of evolution: what one event changes in the fold's working state, or the
 * refusal that skips it. Event data is copied, never referenced, so freezing the state never
 * freezes the caller's events.
 */
export const applyEvent = (run: FoldRun, event: Event): void => {
  const state = run.root();
  state.eventCount += 1;
  switch (event.type) {
    case 'StopRequested':
      if (state.stop !== null) {
        skip(run, event, stopAlreadyRequested(state.stop));
        return;
      }
      state.stop = frozenStop(event.data);
      if (state.parcels.length > 0) dropParcelsOverTheOrder(run, state.stop);
      return;
    case 'OrderStopped':
      state.stopped = Object.freeze({ stoppedAt: event.data.stoppedAt, method: event.data.method });
      return;
    case 'ServiceCouldNotBeInterrupted':
      state.serviceNotInterruptibleAt ??= event.data.reportedAt;
      return;
    case 'ShippedWithTracking': {
      const refusal = shipmentRefusal(run, event, false);
      if (refusal !== undefined) {
        skip(run, event, refusal);
        return;
      }
      shipped(run, event.data);
      return;
    }
    case 'ShippedWithoutTracking': {
      // on a service order this is the form's "cannot be interrupted" answer.
      const serviceAnswer = state.stop?.purchaseKind === 'service';
      const refusal = shipmentRefusal(run, event, serviceAnswer);
      if (refusal !== undefined) {
        skip(run, event, refusal);
        return;
      }
      if (serviceAnswer) state.serviceNotInterruptibleAt ??= event.data.reportedAt;
      else shipped(run, event.data);
      return;
    }
    case 'RecallRequested': {
      const concluded = alreadyConcluded(state);
      if (concluded !== undefined) {
        skip(run, event, concluded);
        return;
      }
      const { trackingNumber, requestedBy, requestedAt } = event.data;
      const position = run.parcelWithTrackingNumber(trackingNumber);
      const found = state.parcels[position];
      if (found === undefined) return;
      // The earliest recall counts, in whatever order the history recorded them.
      if (requestedBy === 'klarna') {
        const recalled = earliest(found.recallRequestedByKlarnaAt, requestedAt);
        if (recalled !== found.recallRequestedByKlarnaAt)
          run.writableParcel(found, position).recallRequestedByKlarnaAt = recalled;
      } else {
        const recalled = earliest(found.recallRequestedByMerchantAt, requestedAt);
        if (recalled !== found.recallRequestedByMerchantAt)
          run.writableParcel(found, position).recallRequestedByMerchantAt = recalled;
      }
      return;
    }
    case 'Returned': {
      const { trackingNumber, returnedAt } = event.data;
      // SR-8 after the payout: the booking stands; the return asks for a correction.
      if (state.settlements.length > 0) {
        if (trackingNumber === undefined || run.hasParcelWithKey(trackingNumber))
          run.addLateReturn(Object.freeze({ trackingNumber: trackingNumber ?? null, returnedAt }));
        return;
      }
      run.markReturned(trackingNumber, returnedAt);
      return;
    }
    case 'Disputed':
      state.disputedAt ??= event.data.disputedAt;
      return;
    case 'InvoiceOverdue':
      state.overdueAt ??= event.data.observedAt;
      return;
    case 'InformationRequested':
      run.addRequest({
        requestedAt: event.data.requestedAt,
        topic: event.data.topic ?? null,
        providedAt: null,
      });
      return;
    case 'InformationProvided': {
      const concluded = alreadyConcluded(state);
      if (concluded !== undefined) {
        skip(run, event, concluded);
        return;
      }
      run.answerOpenRequest(event.data.providedAt);
      return;
    }
    case 'InvestigationConcluded':
      state.conclusion ??= Object.freeze({
        concludedAt: event.data.concludedAt,
        outcome: event.data.outcome,
      });
      return;
    case 'SettlementBooked':
      run.addSettlement(bookedDecisionOf(state, event.data));
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
const dropParcelsOverTheOrder = (run: FoldRun, stop: StopDetails): void => {
  const { parcels } = run.state;
  let sums = noneShipped;
  const kept: WorkingParcel[] = [];
  for (const parcel of parcels) {
    const refusal = parcelAmountsError(parcel, sums, stop);
    if (refusal === undefined) {
      sums = addParcel(sums, parcel);
      kept.push(parcel);
      continue;
    }
    run.addSkipped(
      Object.freeze({
        index: parcel.eventIndex,
        type: parcel.trackingNumber === null ? 'ShippedWithoutTracking' : 'ShippedWithTracking',
        code: refusal.code,
        message: refusal.message,
      }),
    );
  }
  if (kept.length === parcels.length) return;
  run.replaceParcels(kept);
  run.sortSkipped();
};

// A new event type without its case here fails to compile.
const unhandled = (event: never): never => {
  throw new TypeError(`No rule of evolution for ${JSON.stringify(event)}`);
};
