import * as E from 'fp-ts/Either';
import { isRecallableCarrier } from './carriers';
import type { CommandOf } from './commands';
import { type DomainError, domainError } from './errors';
import type { Event } from './events';
import type { Policy } from './policy';
import type { OrderState, StopDetails } from './state';

type ReportShipment = CommandOf<'ReportShipment'>['data'];

const checkAmounts = (
  data: ReportShipment,
  state: OrderState,
  stop: StopDetails,
): DomainError | undefined => {
  const { amount, taxAmount } = data;
  if (state.parcels.some((p) => p.amount === null))
    return domainError(
      'SHIPMENT_AMOUNT_REQUIRED',
      'A shipment for the whole order is already reported, so no other parcel can be added. Register a return or correct the case with Klarna instead.',
    );
  if (amount === undefined) {
    if (taxAmount !== undefined)
      return domainError(
        'INVALID_AMOUNT',
        'taxAmount was given without amount. Send both, or neither for a whole-order shipment.',
      );
    return state.parcels.length > 0
      ? domainError(
          'SHIPMENT_AMOUNT_REQUIRED',
          'Other parcels are already reported, so this one needs its own amount and taxAmount.',
        )
      : undefined;
  }
  if (taxAmount === undefined)
    return domainError(
      'INVALID_AMOUNT',
      'amount was given without taxAmount. Send both, in minor units.',
    );
  if (taxAmount > amount)
    return domainError(
      'INVALID_AMOUNT',
      `taxAmount ${taxAmount} is above amount ${amount}. Send the parcel's VAT, which is part of its gross amount.`,
    );
  let shippedGross = amount;
  let shippedTax = taxAmount;
  for (const parcel of state.parcels) {
    shippedGross += parcel.amount ?? 0;
    shippedTax += parcel.taxAmount ?? 0;
  }
  if (shippedGross > stop.totalAmount || shippedTax > stop.totalTaxAmount)
    return domainError(
      'INVALID_AMOUNT',
      `The parcels would sum to ${shippedGross} (tax ${shippedTax}), over the order's ${stop.totalAmount} (tax ${stop.totalTaxAmount}). Report each parcel's own amount.`,
    );
  return undefined;
};

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
  if (data.currency !== undefined && data.currency !== stop.currency)
    return E.left(
      domainError(
        'CURRENCY_MISMATCH',
        `The shipment is in ${data.currency} but the order is in ${stop.currency}. Send the amounts in ${stop.currency}.`,
      ),
    );
  const amountError = checkAmounts(data, state, stop);
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
  if (carrier === '')
    return E.left(
      domainError(
        'INVALID_COMMAND',
        'A tracking number was given without a carrier. Send the carrier too.',
      ),
    );
  if (state.parcels.some((p) => p.trackingNumber === trackingNumber))
    return E.left(
      domainError(
        'INVALID_COMMAND',
        `Parcel ${trackingNumber} is already reported. Report each parcel once.`,
      ),
    );
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
