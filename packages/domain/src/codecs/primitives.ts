import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { isCurrencyCode } from '../currencies';
import { isInstant } from '../timestamp';
import { CheckedType, refine } from './refine';

const MAX_ID_LENGTH = 128;
const MAX_TEXT_LENGTH = 2000;

// A lone UTF-16 surrogate or a NUL: stores that keep text as UTF-8 (PostgreSQL) cannot keep
// them, so two distinct ids could become one stream there.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NUL = 0;
const FIRST_SURROGATE = 0xd800;
const LAST_SURROGATE = 0xdfff;

/** Whether a text is well-formed Unicode without NUL, so every store keeps it as it is. */
export const isStorableText = (s: string): boolean => {
  // One pass over the code units first: most texts have neither a NUL nor any surrogate.
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit === NUL || (unit >= FIRST_SURROGATE && unit <= LAST_SURROGATE))
      return !s.includes('\u0000') && !loneSurrogate.test(s);
  }
  return true;
};

const STORABLE = 'well-formed Unicode text (no lone UTF-16 surrogate, no NUL character)';

/**
 * `base`, then storable text. A value `base` refuses is reported with `base`'s own name
 * (its context entry is the last), so the reason a person reads is the one that applies.
 */
const storable = (base: t.Type<string, string>): CheckedType<string> =>
  new CheckedType<string>(
    base.name,
    (u): u is string => base.is(u) && isStorableText(u),
    (u, context) => {
      const result = base.validate(u, t.appendContext(context, '', base, u));
      if (E.isLeft(result)) return result;
      return isStorableText(result.right)
        ? result
        : t.failure(u, t.appendContext(context, '', storableText, u));
    },
    base,
    isStorableText,
  );

// Names the refusal of text that is not storable.
const storableText = new t.Type<string, string>(
  STORABLE,
  (u): u is string => typeof u === 'string' && isStorableText(u),
  (u, context) =>
    typeof u === 'string' && isStorableText(u) ? t.success(u) : t.failure(u, context),
  t.identity,
);

// The tests of the codecs below, named so that the compiled decoder (field-plan.ts) calls the
// very functions the codecs refine with.
/** Not only spaces, at most 128 characters: ids and labels. */
export const isShortName = (s: string): boolean =>
  s.length <= MAX_ID_LENGTH && (isVisibleAscii(s.charCodeAt(0)) || s.trim().length > 0);

// A printable ASCII character is no white space, so a text that starts with one is not blank:
// most ids do, and skip the call of trim.
const FIRST_VISIBLE = 0x21;
const LAST_VISIBLE = 0x7e;
const isVisibleAscii = (unit: number): boolean => unit >= FIRST_VISIBLE && unit <= LAST_VISIBLE;
/** At most 2000 characters: free text. */
export const isBoundedText = (s: string): boolean => s.length <= MAX_TEXT_LENGTH;
/** At most 128 characters, maybe blank. */
export const isShortText = (s: string): boolean => s.length <= MAX_ID_LENGTH;
/** A non-negative safe integer. */
export const isAmount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** A non-empty identifier (order, merchant) of at most 128 characters, not only spaces. */
export const Id = storable(
  refine(t.string, 'a non-empty id of at most 128 characters', isShortName),
);

/** A short non-empty label such as a carrier name or tracking number. */
export const Label = storable(
  refine(t.string, 'a non-empty text of at most 128 characters', isShortName),
);

/** Free text (risk notes, topics) of bounded size. */
export const Text = storable(refine(t.string, 'a text of at most 2000 characters', isBoundedText));

/** A text that may be blank (a tracking number field left empty on the form). */
export const OptionalLabel = storable(
  refine(t.string, 'a text of at most 128 characters', isShortText),
);

/** An amount in minor units: a non-negative safe integer. */
export const Amount = refine(
  t.number,
  'a non-negative whole amount in minor units (a safe integer, no decimals)',
  isAmount,
);

/** A signed amount in minor units (settlement lines). */
export const SignedAmount = refine(
  t.number,
  'a whole amount in minor units (a safe integer, no decimals)',
  Number.isSafeInteger,
);

/** An ISO 4217 currency code in capitals, such as DKK. */
export const Currency = refine(t.string, 'an ISO 4217 currency code such as DKK', isCurrencyCode);

/** An ISO-8601 UTC instant that exists on the calendar, such as 2026-03-01T10:00:00Z. */
export const Timestamp = refine(
  t.string,
  'an ISO-8601 UTC time such as 2026-03-01T10:00:00Z',
  isInstant,
);

/** Field names that hold money: a codec failure on one of them is INVALID_AMOUNT. */
export const amountFields: ReadonlySet<string> = new Set([
  'amount',
  'taxAmount',
  'totalAmount',
  'totalTaxAmount',
]);
