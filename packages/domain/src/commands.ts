import * as t from 'io-ts';
import { Amount, Currency, Id, OptionalLabel, Timestamp } from './codecs/primitives';
import { record, tagged } from './codecs/record';
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

/** Codecs of the commands, by type; each carries the fields of the event it decides. */
export const commandCodecs = {
  RequestStop: tagged('RequestStop', StopRequestedFields),
  ConfirmStopped: tagged('ConfirmStopped', OrderStoppedData),
  ReportServiceNotInterruptible: tagged(
    'ReportServiceNotInterruptible',
    ServiceCouldNotBeInterruptedData,
  ),
  ReportShipment: tagged('ReportShipment', ReportShipmentData),
  RequestRecall: tagged('RequestRecall', RecallRequestedData),
  RegisterReturn: tagged('RegisterReturn', ReturnedData),
  RecordDispute: tagged('RecordDispute', DisputedData),
  RecordInvoiceOverdue: tagged('RecordInvoiceOverdue', InvoiceOverdueData),
  RequestInformation: tagged('RequestInformation', InformationRequestedData),
  ProvideInformation: tagged('ProvideInformation', InformationProvidedData),
  ConcludeInvestigation: tagged('ConcludeInvestigation', InvestigationConcludedData),
  BookSettlement: tagged('BookSettlement', BookSettlementData),
};

export type CommandType = keyof typeof commandCodecs;
/** A command: `{ type, data }`. */
export type Command = t.TypeOf<(typeof commandCodecs)[CommandType]>;
export type CommandOf<K extends CommandType> = Extract<Command, { readonly type: K }>;

export const isCommandType = (type: string): type is CommandType =>
  Object.hasOwn(commandCodecs, type);
