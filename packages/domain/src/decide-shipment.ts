import * as E from 'fp-ts/Either';
import { parcelReportedTwice } from './case-refusals';
import { isRecallableCarrier } from './carriers';
import type { CommandOf } from './commands';
import { type DomainError, domainError } from './errors';
import type { Event } from './events';
import { parcelAmountsError, sumsOf } from './parcel-amounts';
import type { Policy } from './policy';
import type { OrderState, StopDetails } from './state';

type ReportShipment = CommandOf<'ReportShipment'>['data'];

// `#n` names the n-th shipment when it has no tracking number (RegisterReturn uses it).
const positionKey = /^#\d+$/;

/** A shipment in another currency than the order's (an equal one is accepted, not stored). */
export const currencyMismatch = (
  currency: string | undefined,
  stop: StopDetails,
): DomainError | undefined =>
  currency !== undefined && currency !== stop.currency
    ? domainError(
        'CURRENCY_MISMATCH',
        `The shipment is in ${currency} but the order is in ${stop.currency}. Send the amounts in ${stop.currency}.`,
      )
    : undefined;

/**
 * ReportShipment (SR-5, SR-6): a tracking number decides ShippedWithTracking, plus a
 * RecallRequested by Klarna for a recallable carrier; a blank or missing one decides
 * ShippedWithoutTracking. Amount rules are the contract's pinned ones.
 */
export const decideShipment = (
  data: ReportShipment,
  state: OrderState,
  stop: StopDetails,
  policy: Policy,
): E.Either<DomainError, Event[]> => {
  const amountError = parcelAmountsError(data, sumsOf(state.parcels), stop);
  if (amountError !== undefined) return E.left(amountError);
  const carrier = data.carrier?.trim() ?? '';
  const trackingNumber = data.trackingNumber?.trim() ?? '';
  const money =
    data.amount === undefined || data.taxAmount === undefined
      ? {}
      : { amount: data.amount, taxAmount: data.taxAmount };
  const { orderId, shippedAt, reportedAt } = data;
  if (trackingNumber === '')
    return E.right([
      {
        type: 'ShippedWithoutTracking',
        data: { orderId, ...(carrier === '' ? {} : { carrier }), shippedAt, reportedAt, ...money },
      },
    ]);
  if (positionKey.test(trackingNumber))
    return E.left(
      domainError(
        'INVALID_COMMAND',
        `Tracking number ${trackingNumber} has the form of a parcel's position (#n), which names parcels shipped without one. Send the carrier's tracking number.`,
      ),
    );
  if (carrier === '')
    return E.left(
      domainError(
        'INVALID_COMMAND',
        'A tracking number was given without a carrier. Send the carrier too.',
      ),
    );
  if (state.parcels.some((p) => p.trackingNumber === trackingNumber))
    return E.left(parcelReportedTwice(trackingNumber));
  const collected = data.collected === undefined ? {} : { collected: data.collected };
  const events: Event[] = [
    {
      type: 'ShippedWithTracking',
      data: { orderId, carrier, trackingNumber, shippedAt, reportedAt, ...money, ...collected },
    },
  ];
  if (isRecallableCarrier(carrier, policy))
    events.push({
      type: 'RecallRequested',
      data: { orderId, trackingNumber, requestedBy: 'klarna', requestedAt: reportedAt },
    });
  return E.right(events);
};
