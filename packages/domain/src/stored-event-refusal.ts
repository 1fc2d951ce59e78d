import { orderStopped, parcelReportedTwice } from './case-refusals';
import type { DomainError } from './errors';
import type { EventOf } from './events';
import type { FoldRun } from './fold-run';
import { parcelAmountsError } from './parcel-amounts';

type Shipment = EventOf<'ShippedWithTracking'> | EventOf<'ShippedWithoutTracking'>;

/**
 * The refusal `decide` would have given the command behind a stored shipment at its place in
 * the stream: a shipment after a confirmed stop, a tracking number reported twice, or parcels
 * that do not fit the order. With a second stop request and a recall or an answer after the
 * conclusion (checked where `applyEvent` applies them), these are exactly the situations that
 * would make money or status wrong if applied. Bookings are always applied: the audit reports
 * odd ones on its own terms. A service order's untracked "shipment" is its "cannot be
 * interrupted" answer, refused only after a confirmed stop.
 */
export const shipmentRefusal = (
  run: FoldRun,
  event: Shipment,
  serviceAnswer: boolean,
): DomainError | undefined => {
  const { state } = run;
  const stopped = orderStopped(state);
  if (stopped !== undefined || serviceAnswer) return stopped;
  const amounts = parcelAmountsError(event.data, run, state.stop);
  if (amounts !== undefined) return amounts;
  return event.type === 'ShippedWithTracking' &&
    run.parcelWithTrackingNumber(event.data.trackingNumber) >= 0
    ? parcelReportedTwice(event.data.trackingNumber)
    : undefined;
};
