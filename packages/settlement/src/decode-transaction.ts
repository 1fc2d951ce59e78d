import { isCurrencyCode } from '@order-liability/domain';
import { fraudTypeOf } from './fraud-type';
import { parseAmount } from './parse-amount';
import type { ReportRow, RowPlace, SettlementTransaction } from './transaction';

/** A field as read: text from a CSV cell, or any JSON value. */
export type FieldValue = unknown;

/** Reads a named field of a row. */
export type FieldReader = (name: string) => FieldValue;

const textOf = (value: FieldValue): string | undefined => {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
};

const invalid = (place: RowPlace, reason: string): ReportRow => ({
  kind: 'invalid',
  row: { file: place.file, line: place.line, reason },
});

const OPTIONAL_FIELDS = [
  ['orderId', 'order_id'],
  ['shortOrderId', 'short_order_id'],
  ['merchantReference1', 'merchant_reference1'],
  ['merchantReference2', 'merchant_reference2'],
  ['captureId', 'capture_id'],
  ['refundId', 'refund_id'],
  ['paymentReference', 'payment_reference'],
  ['saleDate', 'sale_date'],
  ['captureDate', 'capture_date'],
  ['reversalReference', 'reversal_reference'],
] as const;

type OptionalField = (typeof OPTIONAL_FIELDS)[number][0];

/**
 * One report row as a transaction, or an invalid row saying what is wrong: a missing type,
 * amount or currency, a currency that is not ISO 4217, an amount that is not a number. Fields
 * the reconciliation does not read are ignored.
 */
export const decodeTransaction = (
  field: FieldReader,
  place: RowPlace,
  decimalMarks: readonly string[],
): ReportRow => {
  const type = textOf(field('type'));
  if (type === undefined) return invalid(place, 'type is missing');
  const detailedType = textOf(field('detailed_type')) ?? '';
  const currency = textOf(field('currency_code'));
  if (currency === undefined) return invalid(place, 'currency_code is missing');
  if (!isCurrencyCode(currency))
    return invalid(place, `currency_code ${JSON.stringify(currency)} is not an ISO 4217 code`);
  const rawAmount = field('amount');
  if (
    rawAmount !== undefined &&
    rawAmount !== null &&
    typeof rawAmount !== 'string' &&
    typeof rawAmount !== 'number'
  )
    return invalid(place, 'amount is not a number');
  const amountText = textOf(rawAmount);
  if (amountText === undefined) return invalid(place, 'amount is missing');
  const amount = parseAmount(amountText, currency, decimalMarks);
  if (!amount.ok) return invalid(place, amount.reason);
  const optional: Partial<Record<OptionalField, string>> = {};
  for (const [key, name] of OPTIONAL_FIELDS) {
    const value = textOf(field(name));
    if (value !== undefined) optional[key] = value;
  }
  const transaction: SettlementTransaction = {
    file: place.file,
    line: place.line,
    type,
    detailedType,
    fraudType: fraudTypeOf(type, detailedType),
    amount: amount.minor,
    currency,
    ...optional,
  };
  return { kind: 'transaction', transaction };
};
