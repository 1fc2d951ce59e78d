import { domainError, type DomainError } from './errors';
import type { StopDetails } from './state';

/** A parcel's amounts as reported: both or neither (a whole-order shipment). */
export interface ParcelAmounts {
  readonly amount?: number | null;
  readonly taxAmount?: number | null;
}

/** What the parcels reported so far add up to, in minor units. */
export interface ShippedSums {
  readonly count: number;
  readonly wholeOrder: boolean;
  readonly gross: number;
  readonly tax: number;
}

export const noneShipped: ShippedSums = { count: 0, wholeOrder: false, gross: 0, tax: 0 };

/** The sums once `parcel` is added (its amounts checked with `parcelAmountsError` first). */
export const addParcel = (sums: ShippedSums, parcel: ParcelAmounts): ShippedSums => ({
  count: sums.count + 1,
  wholeOrder: sums.wholeOrder || parcel.amount == null,
  gross: sums.gross + (parcel.amount ?? 0),
  tax: sums.tax + (parcel.taxAmount ?? 0),
});

/**
 * Whether one more parcel fits the order (the contract's pinned money rules): a whole-order
 * shipment stands alone; parcels carry amount and tax, tax within the amount, and together
 * never exceed the order's gross, its tax, or its amount excluding VAT (SR-9 pays out no VAT).
 * `stop` null (a parcel stored before the stop request) checks everything but the order's bound.
 */
export const parcelAmountsError = (
  parcel: ParcelAmounts,
  sums: ShippedSums,
  stop: StopDetails | null,
): DomainError | undefined => {
  const amount = parcel.amount ?? undefined;
  const taxAmount = parcel.taxAmount ?? undefined;
  if (sums.wholeOrder)
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
    return sums.count > 0
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
  // Before the stop request the order's amounts are unknown; exposure bounds them later.
  if (stop === null) return undefined;
  const gross = sums.gross + amount;
  const tax = sums.tax + taxAmount;
  if (gross > stop.totalAmount || tax > stop.totalTaxAmount)
    return domainError(
      'INVALID_AMOUNT',
      `The parcels would sum to ${gross} (tax ${tax}), over the order's ${stop.totalAmount} (tax ${stop.totalTaxAmount}). Report each parcel's own amount.`,
    );
  const net = gross - tax;
  const orderNet = stop.totalAmount - stop.totalTaxAmount;
  if (net > orderNet)
    return domainError(
      'INVALID_AMOUNT',
      `The parcels would sum to ${net} excluding VAT, over the order's ${orderNet} excluding VAT. Report each parcel's own VAT in taxAmount.`,
    );
  return undefined;
};

/** The sums of parcels already in a state. */
export const sumsOf = (parcels: readonly ParcelAmounts[]): ShippedSums =>
  parcels.reduce(addParcel, noneShipped);
