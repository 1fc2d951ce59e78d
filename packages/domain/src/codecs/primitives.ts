import * as t from 'io-ts';
import { isCurrencyCode } from '../currencies';
import { parseInstant } from '../timestamp';
import { refine } from './refine';

const MAX_ID_LENGTH = 128;
const MAX_TEXT_LENGTH = 2000;

/** A non-empty identifier (order, merchant) of at most 128 characters, not only spaces. */
export const Id = refine(
  t.string,
  'a non-empty id of at most 128 characters',
  (s) => s.trim().length > 0 && s.length <= MAX_ID_LENGTH,
);

/** A short non-empty label such as a carrier name or tracking number. */
export const Label = refine(
  t.string,
  'a non-empty text of at most 128 characters',
  (s) => s.trim().length > 0 && s.length <= MAX_ID_LENGTH,
);

/** Free text (risk notes, topics) of bounded size. */
export const Text = refine(
  t.string,
  'a text of at most 2000 characters',
  (s) => s.length <= MAX_TEXT_LENGTH,
);

/** A text that may be blank (a tracking number field left empty on the form). */
export const OptionalLabel = refine(
  t.string,
  'a text of at most 128 characters',
  (s) => s.length <= MAX_ID_LENGTH,
);

/** An amount in minor units: a non-negative safe integer. */
export const Amount = refine(
  t.number,
  'a non-negative whole amount in minor units (a safe integer, no decimals)',
  (n) => Number.isSafeInteger(n) && n >= 0,
);

/** A signed amount in minor units (settlement lines). */
export const SignedAmount = refine(
  t.number,
  'a whole amount in minor units (a safe integer, no decimals)',
  (n) => Number.isSafeInteger(n),
);

/** An ISO 4217 currency code in capitals, such as DKK. */
export const Currency = refine(t.string, 'an ISO 4217 currency code such as DKK', isCurrencyCode);

/** An ISO-8601 UTC instant that exists on the calendar, such as 2026-03-01T10:00:00Z. */
export const Timestamp = refine(
  t.string,
  'an ISO-8601 UTC time such as 2026-03-01T10:00:00Z',
  (s) => parseInstant(s) !== undefined,
);

/** Field names that hold money: a codec failure on one of them is INVALID_AMOUNT. */
export const amountFields: ReadonlySet<string> = new Set([
  'amount',
  'taxAmount',
  'totalAmount',
  'totalTaxAmount',
]);
