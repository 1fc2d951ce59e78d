import * as t from 'io-ts';
import { isCurrencyCode } from '../currencies';
import { isInstant } from '../timestamp';
import { isLiteralNode } from './io-ts-nodes';
import {
  Amount,
  Currency,
  Id,
  isAmount,
  isBoundedText,
  isShortName,
  isShortText,
  isStorableText,
  Label,
  OptionalLabel,
  SignedAmount,
  Text,
  Timestamp,
} from './primitives';

/** A step of the compiled decoder: the decoded value, or NOT_DECODED (compile-decoder.ts). */
export type Step = (input: unknown) => unknown;

// How a field's value is checked. Every record and array runs its fields through one switch
// (passesCheck) instead of calling a closure per codec: V8 then sees one call site per kind,
// and the checks of the domain's primitives are direct calls to the functions their codecs
// refine with (primitives.ts), which it inlines. A closure shared by every codec is called
// with many shapes and is not.
const STRING = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const NULL = 3;
const LITERAL = 4;
const KEYOF = 5;
const SHORT_NAME = 6;
const BOUNDED_TEXT = 7;
const SHORT_TEXT = 8;
const AMOUNT = 9;
const SIGNED_AMOUNT = 10;
const CURRENCY = 11;
const TIMESTAMP = 12;
const IS = 13;
/** The kind of a field decoded by its step. */
export const STEP = 14;

/** How one field (or array item) is checked; every plan has the same shape. */
export interface FieldPlan {
  readonly kind: number;
  /** The literal (LITERAL), the keys object (KEYOF). */
  readonly value: unknown;
  /** The test that decides the field where its value is kept whenever valid (IS). */
  readonly is: (input: unknown) => boolean;
  /** The step that decodes the field, which may change its value (STEP). */
  readonly step: Step;
}

/** A codec as a plan needs it: any io-ts type has `is`. */
type Tested = t.Decoder<unknown, unknown> & { readonly is: (input: unknown) => boolean };

const planOf = (
  kind: number,
  codec: Tested,
  step: Step,
  value?: unknown,
  is: (input: unknown) => boolean = codec.is,
): FieldPlan => ({ kind, value, is, step });

// The domain's primitives, by identity: their tests are the named functions they refine with.
const primitiveKinds: ReadonlyMap<t.Decoder<unknown, unknown>, number> = new Map<
  t.Decoder<unknown, unknown>,
  number
>([
  [Id, SHORT_NAME],
  [Label, SHORT_NAME],
  [Text, BOUNDED_TEXT],
  [OptionalLabel, SHORT_TEXT],
  [Amount, AMOUNT],
  [SignedAmount, SIGNED_AMOUNT],
  [Currency, CURRENCY],
  [Timestamp, TIMESTAMP],
]);

/**
 * The plan of a field of `codec`: `check` where its value is kept whenever it is valid
 * (compile-decoder.ts compileCheck), `step` otherwise.
 */
export const planField = (
  codec: Tested,
  check: ((input: unknown) => boolean) | undefined,
  step: Step,
): FieldPlan => {
  const primitive = primitiveKinds.get(codec);
  if (primitive !== undefined) return planOf(primitive, codec, step);
  if (check === undefined) return planOf(STEP, codec, step);
  if (codec instanceof t.StringType) return planOf(STRING, codec, step);
  if (codec instanceof t.NumberType) return planOf(NUMBER, codec, step);
  if (codec instanceof t.BooleanType) return planOf(BOOLEAN, codec, step);
  if (codec instanceof t.NullType) return planOf(NULL, codec, step);
  if (isLiteralNode(codec) && typeof codec.value !== 'number')
    return planOf(LITERAL, codec, step, codec.value);
  if (codec instanceof t.KeyofType) return planOf(KEYOF, codec, step, codec.keys);
  return planOf(IS, codec, step, undefined, check);
};

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

// io-ts KeyofType.is: a string that is an own key of the keys object.
const isKeyOf = (keys: unknown, value: unknown): boolean =>
  typeof value === 'string' && isObject(keys) && Object.hasOwn(keys, value);

/**
 * Whether the field's `value` passes the check of its kind. A STEP field is the caller's to
 * decode (its value may change), so this is never asked of one.
 */
export const passesCheck = (field: FieldPlan, value: unknown): boolean => {
  switch (field.kind) {
    case STRING:
      return typeof value === 'string';
    case NUMBER:
      return typeof value === 'number';
    case BOOLEAN:
      return typeof value === 'boolean';
    case NULL:
      return value === null;
    case LITERAL:
      return value === field.value;
    case KEYOF:
      return isKeyOf(field.value, value);
    // Storable text: the refinement first, then storability, as the codecs' `is` runs them.
    case SHORT_NAME:
      return typeof value === 'string' && isShortName(value) && isStorableText(value);
    case BOUNDED_TEXT:
      return typeof value === 'string' && isBoundedText(value) && isStorableText(value);
    case SHORT_TEXT:
      return typeof value === 'string' && isShortText(value) && isStorableText(value);
    case AMOUNT:
      return typeof value === 'number' && isAmount(value);
    case SIGNED_AMOUNT:
      return typeof value === 'number' && Number.isSafeInteger(value);
    case CURRENCY:
      return typeof value === 'string' && isCurrencyCode(value);
    case TIMESTAMP:
      return typeof value === 'string' && isInstant(value);
    default:
      return field.is(value);
  }
};
