import * as t from 'io-ts';
import { Amount, Currency, Id, Label, SignedAmount, Text, Timestamp } from './codecs/primitives';
import { oneOf, record, tagged } from './codecs/record';
import { refine } from './codecs/refine';
import { ParcelExposureCodec } from './parcel-exposure';
import { RuleIdCodec } from './rules';

/** Labels of the settlement report, as the FAQ spells them (SR-9). */
export const FRAUD_RETURN_LABEL = 'Returnering (bedrageri)';
export const FRAUD_POLICY_LABEL = 'Bedrageripolicy';

const lineLabels = { 'fraud-return': FRAUD_RETURN_LABEL, 'fraud-policy': FRAUD_POLICY_LABEL };

export const SettlementLineCodec = refine(
  record(
    'SettlementLine',
    {
      kind: oneOf({ 'fraud-return': null, 'fraud-policy': null }),
      label: oneOf({ [FRAUD_RETURN_LABEL]: null, [FRAUD_POLICY_LABEL]: null }),
      amount: SignedAmount,
      currency: Currency,
    },
    {},
  ),
  'a settlement line whose label matches its kind',
  (line) => lineLabels[line.kind] === line.label,
);
export type SettlementLine = t.TypeOf<typeof SettlementLineCodec>;

/** A parcel's amount and tax come together, and tax never exceeds the amount. */
const parcelAmountsConsistent = (data: { amount?: number; taxAmount?: number }): boolean =>
  data.amount === undefined
    ? data.taxAmount === undefined
    : data.taxAmount !== undefined && data.taxAmount <= data.amount;

/** The fields of a stop request; the RequestStop command carries the same. */
export const StopRequestedFields = record(
  'StopRequested',
  {
    orderId: Id,
    merchantId: Id,
    purchaseKind: oneOf({ goods: null, service: null }),
    currency: Currency,
    totalAmount: Amount,
    totalTaxAmount: Amount,
    requestedAt: Timestamp,
  },
  { riskNotes: t.readonlyArray(Text) },
);

export const StopRequestedData = refine(
  StopRequestedFields,
  'a stop request whose totalTaxAmount does not exceed totalAmount',
  (d) => d.totalTaxAmount <= d.totalAmount,
);

export const OrderStoppedData = record(
  'OrderStopped',
  {
    orderId: Id,
    stoppedAt: Timestamp,
    method: oneOf({ 'invoice-removed': null, 'returned-in-order-system': null }),
  },
  {},
);

export const ServiceCouldNotBeInterruptedData = record(
  'ServiceCouldNotBeInterrupted',
  { orderId: Id, reportedAt: Timestamp },
  {},
);

export const ShippedWithTrackingData = refine(
  record(
    'ShippedWithTracking',
    {
      orderId: Id,
      carrier: Label,
      trackingNumber: Label,
      shippedAt: Timestamp,
      reportedAt: Timestamp,
    },
    { amount: Amount, taxAmount: Amount, collected: t.boolean },
  ),
  'a shipment with both amount and taxAmount (tax not above amount) or neither',
  parcelAmountsConsistent,
);

export const ShippedWithoutTrackingData = refine(
  record(
    'ShippedWithoutTracking',
    { orderId: Id, shippedAt: Timestamp, reportedAt: Timestamp },
    { carrier: Label, amount: Amount, taxAmount: Amount },
  ),
  'a shipment with both amount and taxAmount (tax not above amount) or neither',
  parcelAmountsConsistent,
);

export const RecallRequestedData = record(
  'RecallRequested',
  {
    orderId: Id,
    trackingNumber: Label,
    requestedBy: oneOf({ klarna: null, merchant: null }),
    requestedAt: Timestamp,
  },
  {},
);

export const ReturnedData = record(
  'Returned',
  {
    orderId: Id,
    returnedAt: Timestamp,
    registeredIn: oneOf({ 'klarna-portal': null, 'order-system': null }),
  },
  { trackingNumber: Label },
);

export const DisputedData = record('Disputed', { orderId: Id, disputedAt: Timestamp }, {});

export const InvoiceOverdueData = record(
  'InvoiceOverdue',
  { orderId: Id, observedAt: Timestamp },
  {},
);

export const InformationRequestedData = record(
  'InformationRequested',
  { orderId: Id, requestedAt: Timestamp },
  { topic: Text },
);

export const InformationProvidedData = record(
  'InformationProvided',
  { orderId: Id, providedAt: Timestamp },
  {},
);

export const InvestigationConcludedData = record(
  'InvestigationConcluded',
  { orderId: Id, concludedAt: Timestamp, outcome: oneOf({ fraud: null, 'not-fraud': null }) },
  {},
);

/**
 * A booked settlement. `liability`, `exposure` and `reasons` record the decision booked, so a
 * settled case keeps it under any later policy; bookings written before they existed lack
 * them, and `fold` derives them (docs/choices.md, "Settled cases").
 */
export const SettlementBookedData = record(
  'SettlementBooked',
  { orderId: Id, bookedAt: Timestamp, lines: t.readonlyArray(SettlementLineCodec) },
  {
    liability: oneOf({ klarna: null, merchant: null, split: null, none: null, undetermined: null }),
    exposure: t.readonlyArray(ParcelExposureCodec),
    reasons: t.readonlyArray(RuleIdCodec),
  },
);

/** Codecs of the v1 events, by type. */
export const eventCodecs = {
  StopRequested: tagged('StopRequested', StopRequestedData),
  OrderStopped: tagged('OrderStopped', OrderStoppedData),
  ServiceCouldNotBeInterrupted: tagged(
    'ServiceCouldNotBeInterrupted',
    ServiceCouldNotBeInterruptedData,
  ),
  ShippedWithTracking: tagged('ShippedWithTracking', ShippedWithTrackingData),
  ShippedWithoutTracking: tagged('ShippedWithoutTracking', ShippedWithoutTrackingData),
  RecallRequested: tagged('RecallRequested', RecallRequestedData),
  Returned: tagged('Returned', ReturnedData),
  Disputed: tagged('Disputed', DisputedData),
  InvoiceOverdue: tagged('InvoiceOverdue', InvoiceOverdueData),
  InformationRequested: tagged('InformationRequested', InformationRequestedData),
  InformationProvided: tagged('InformationProvided', InformationProvidedData),
  InvestigationConcluded: tagged('InvestigationConcluded', InvestigationConcludedData),
  SettlementBooked: tagged('SettlementBooked', SettlementBookedData),
};

export type EventType = keyof typeof eventCodecs;
/** A v1 event: `{ type, data }`. Metadata is the store's business. */
export type Event = t.TypeOf<(typeof eventCodecs)[EventType]>;
/** The event of one type, e.g. `EventOf<'Returned'>`. */
export type EventOf<K extends EventType> = Extract<Event, { readonly type: K }>;

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventCodecs, type);

/** Every event type, in the order of the codecs: derived, so a new codec is never left out. */
export const eventTypes: readonly EventType[] = Object.keys(eventCodecs).filter(isEventType);
