import { isCurrencyCode } from '@order-liability/domain';
import { fraudTypeOf } from './fraud-type';
import { parseAmount } from './parse-amount';
import type { ReportRow, SettlementTransaction } from './transaction';

/** A field as read: text from a CSV cell, or any JSON value. */
export type FieldValue = unknown;

/**
 * The report fields the reconciliation reads, in the order `decodeTransaction` takes their
 * positions. Every other field of a report is ignored.
 */
export const reportFieldNames = [
  'type',
  'detailed_type',
  'amount',
  'currency_code',
  'order_id',
  'short_order_id',
  'merchant_reference1',
  'merchant_reference2',
  'capture_id',
  'refund_id',
  'payment_reference',
  'sale_date',
  'capture_date',
  'reversal_reference',
] as const;

/**
 * Where each of `reportFieldNames` is among a row's values (-1: the row has no such field).
 * Found once per file, so a row costs no lookup by name.
 */
export type FieldPositions = readonly number[];

/** The positions of `reportFieldNames` given where a name is (`undefined`: nowhere). */
export const fieldPositionsOf = (indexOf: (name: string) => number | undefined): FieldPositions =>
  reportFieldNames.map((name) => indexOf(name) ?? -1);

// Indexes into reportFieldNames (and so into FieldPositions).
const TYPE = 0;
const DETAILED_TYPE = 1;
const AMOUNT = 2;
const CURRENCY = 3;
const ORDER_ID = 4;
const SHORT_ORDER_ID = 5;
const MERCHANT_REFERENCE_1 = 6;
const MERCHANT_REFERENCE_2 = 7;
const CAPTURE_ID = 8;
const REFUND_ID = 9;
const PAYMENT_REFERENCE = 10;
const SALE_DATE = 11;
const CAPTURE_DATE = 12;
const REVERSAL_REFERENCE = 13;

const textOf = (value: FieldValue): string | undefined => {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
};

/** The value of a field (`field`: an index into reportFieldNames); undefined when absent. */
const valueAt = (
  values: readonly FieldValue[],
  positions: FieldPositions,
  field: number,
): FieldValue => {
  const at = positions[field] ?? -1;
  // A short row has no value past its end: the field is missing.
  return at < 0 ? undefined : values[at];
};

const textAt = (
  values: readonly FieldValue[],
  positions: FieldPositions,
  field: number,
): string | undefined => textOf(valueAt(values, positions, field));

const invalid = (file: string, line: number, reason: string): ReportRow => ({
  kind: 'invalid',
  row: { file, line, reason },
});

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One report row as a transaction, or an invalid row saying what is wrong: a missing type,
 * amount or currency, a currency that is not ISO 4217, an amount that is not a number. The
 * row's fields are `values[positions[i]]` for each of `reportFieldNames`; fields the
 * reconciliation does not read are ignored.
 */
export const decodeTransaction = (
  values: readonly FieldValue[],
  positions: FieldPositions,
  file: string,
  line: number,
  decimalMarks: readonly string[],
): ReportRow => {
  const type = textAt(values, positions, TYPE);
  if (type === undefined) return invalid(file, line, 'type is missing');
  const detailedType = textAt(values, positions, DETAILED_TYPE) ?? '';
  const currency = textAt(values, positions, CURRENCY);
  if (currency === undefined) return invalid(file, line, 'currency_code is missing');
  if (!isCurrencyCode(currency))
    return invalid(file, line, `currency_code ${JSON.stringify(currency)} is not an ISO 4217 code`);
  const rawAmount = valueAt(values, positions, AMOUNT);
  if (
    rawAmount !== undefined &&
    rawAmount !== null &&
    typeof rawAmount !== 'string' &&
    typeof rawAmount !== 'number'
  )
    return invalid(file, line, 'amount is not a number');
  const amountText = textOf(rawAmount);
  if (amountText === undefined) return invalid(file, line, 'amount is missing');
  const amount = parseAmount(amountText, currency, decimalMarks);
  if (!amount.ok) return invalid(file, line, amount.reason);
  const transaction: Writable<SettlementTransaction> = {
    file,
    line,
    type,
    detailedType,
    fraudType: fraudTypeOf(type, detailedType),
    amount: amount.minor,
    currency,
  };
  // Written out field by field, in this order: empty fields stay absent, and every row with
  // the same fields present gets the same object shape.
  const orderId = textAt(values, positions, ORDER_ID);
  if (orderId !== undefined) transaction.orderId = orderId;
  const shortOrderId = textAt(values, positions, SHORT_ORDER_ID);
  if (shortOrderId !== undefined) transaction.shortOrderId = shortOrderId;
  const merchantReference1 = textAt(values, positions, MERCHANT_REFERENCE_1);
  if (merchantReference1 !== undefined) transaction.merchantReference1 = merchantReference1;
  const merchantReference2 = textAt(values, positions, MERCHANT_REFERENCE_2);
  if (merchantReference2 !== undefined) transaction.merchantReference2 = merchantReference2;
  const captureId = textAt(values, positions, CAPTURE_ID);
  if (captureId !== undefined) transaction.captureId = captureId;
  const refundId = textAt(values, positions, REFUND_ID);
  if (refundId !== undefined) transaction.refundId = refundId;
  const paymentReference = textAt(values, positions, PAYMENT_REFERENCE);
  if (paymentReference !== undefined) transaction.paymentReference = paymentReference;
  const saleDate = textAt(values, positions, SALE_DATE);
  if (saleDate !== undefined) transaction.saleDate = saleDate;
  const captureDate = textAt(values, positions, CAPTURE_DATE);
  if (captureDate !== undefined) transaction.captureDate = captureDate;
  const reversalReference = textAt(values, positions, REVERSAL_REFERENCE);
  if (reversalReference !== undefined) transaction.reversalReference = reversalReference;
  return { kind: 'transaction', transaction };
};
