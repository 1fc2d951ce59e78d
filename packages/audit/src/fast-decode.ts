import { type Event, eventCodecs, type EventType } from '@order-liability/domain';
import { isRecord } from './is-record';

// The fields of each event's data as the domain's codecs list them (events.ts), required and
// optional. A record with a field not listed here is decoded by the codec itself, which drops
// unknown fields: so a field the domain adds later only costs the fast path, never a result.
const DATA_FIELDS: Readonly<Record<EventType, ReadonlySet<string>>> = {
  StopRequested: new Set([
    'orderId',
    'merchantId',
    'purchaseKind',
    'currency',
    'totalAmount',
    'totalTaxAmount',
    'requestedAt',
    'riskNotes',
  ]),
  OrderStopped: new Set(['orderId', 'stoppedAt', 'method']),
  ServiceCouldNotBeInterrupted: new Set(['orderId', 'reportedAt']),
  ShippedWithTracking: new Set([
    'orderId',
    'carrier',
    'trackingNumber',
    'shippedAt',
    'reportedAt',
    'amount',
    'taxAmount',
    'collected',
  ]),
  ShippedWithoutTracking: new Set([
    'orderId',
    'shippedAt',
    'reportedAt',
    'carrier',
    'amount',
    'taxAmount',
  ]),
  RecallRequested: new Set(['orderId', 'trackingNumber', 'requestedBy', 'requestedAt']),
  Returned: new Set(['orderId', 'returnedAt', 'registeredIn', 'trackingNumber']),
  Disputed: new Set(['orderId', 'disputedAt']),
  InvoiceOverdue: new Set(['orderId', 'observedAt']),
  InformationRequested: new Set(['orderId', 'requestedAt', 'topic']),
  InformationProvided: new Set(['orderId', 'providedAt']),
  InvestigationConcluded: new Set(['orderId', 'concludedAt', 'outcome']),
  SettlementBooked: new Set(['orderId', 'bookedAt', 'lines', 'liability', 'exposure', 'reasons']),
};
const LINE_FIELDS: ReadonlySet<string> = new Set(['kind', 'label', 'amount', 'currency']);
const EXPOSURE_FIELDS: ReadonlySet<string> = new Set([
  'key',
  'gross',
  'tax',
  'currency',
  'covered',
  'rules',
]);

const onlyFields = (value: unknown, fields: ReadonlySet<string>): boolean => {
  if (!isRecord(value)) return true;
  for (const key in value) if (!fields.has(key)) return false;
  return true;
};

const eachOnlyFields = (list: unknown, fields: ReadonlySet<string>): boolean =>
  !Array.isArray(list) || list.every((item) => onlyFields(item, fields));

/**
 * The event, when the codec of its type would decode it to exactly itself: no field the codec
 * would drop (checked here) and every field valid (the codec's own `is`, which builds no
 * error context, about a third of a decode's cost). Undefined when that is not certain; the
 * caller then decodes with `decodeEvent`, which gives the result or the reasons.
 */
export const decodeAsIs = (type: EventType, data: unknown): Event | undefined => {
  if (!onlyFields(data, DATA_FIELDS[type])) return undefined;
  if (
    type === 'SettlementBooked' &&
    isRecord(data) &&
    !(
      eachOnlyFields(data['lines'], LINE_FIELDS) &&
      eachOnlyFields(data['exposure'], EXPOSURE_FIELDS)
    )
  )
    return undefined;
  const event: unknown = { type, data };
  return eventCodecs[type].is(event) ? event : undefined;
};
