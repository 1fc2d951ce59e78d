import * as t from 'io-ts';
import { Amount, Currency, Id, OptionalLabel, Timestamp } from './codecs/primitives';
import { record } from './codecs/record';
import {
  DisputedData,
  InformationProvidedData,
  InformationRequestedData,
  InvestigationConcludedData,
  InvoiceOverdueData,
  OrderStoppedData,
  RecallRequestedData,
  ReturnedData,
  ServiceCouldNotBeInterruptedData,
  StopRequestedFields,
} from './events';

/**
 * The merchant's shipment report from the form. A blank or missing tracking number decides
 * ShippedWithoutTracking; amount rules (tax not above amount, parcels within the order)
 * are checked by `decide`, so that they surface as INVALID_AMOUNT.
 */
export const ReportShipmentData = record(
  'ReportShipment',
  { orderId: Id, shippedAt: Timestamp, reportedAt: Timestamp },
  {
    carrier: OptionalLabel,
    trackingNumber: OptionalLabel,
    amount: Amount,
    taxAmount: Amount,
    currency: Currency,
    collected: t.boolean,
  },
);

export const BookSettlementData = record(
  'BookSettlement',
  { orderId: Id, bookedAt: Timestamp },
  {},
);

const commandCodec = <K extends string, D extends t.Mixed>(type: K, data: D) =>
  t.readonly(t.exact(t.type({ type: t.literal(type), data }), type), type);

/** Codecs of the commands, by type; each carries the fields of the event it decides. */
export const commandCodecs = {
  RequestStop: commandCodec('RequestStop', StopRequestedFields),
  ConfirmStopped: commandCodec('ConfirmStopped', OrderStoppedData),
  ReportServiceNotInterruptible: commandCodec(
    'ReportServiceNotInterruptible',
    ServiceCouldNotBeInterruptedData,
  ),
  ReportShipment: commandCodec('ReportShipment', ReportShipmentData),
  RequestRecall: commandCodec('RequestRecall', RecallRequestedData),
  RegisterReturn: commandCodec('RegisterReturn', ReturnedData),
  RecordDispute: commandCodec('RecordDispute', DisputedData),
  RecordInvoiceOverdue: commandCodec('RecordInvoiceOverdue', InvoiceOverdueData),
  RequestInformation: commandCodec('RequestInformation', InformationRequestedData),
  ProvideInformation: commandCodec('ProvideInformation', InformationProvidedData),
  ConcludeInvestigation: commandCodec('ConcludeInvestigation', InvestigationConcludedData),
  BookSettlement: commandCodec('BookSettlement', BookSettlementData),
};

export type CommandType = keyof typeof commandCodecs;
/** A command: `{ type, data }`. */
export type Command = t.TypeOf<(typeof commandCodecs)[CommandType]>;
export type CommandOf<K extends CommandType> = Extract<Command, { readonly type: K }>;

export const isCommandType = (type: string): type is CommandType =>
  Object.hasOwn(commandCodecs, type);
