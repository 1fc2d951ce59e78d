import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { isUnknownRecord, mergeDecoded, propsOf, stripUnknownKeys } from './io-ts-objects';
import {
  type Codec,
  isArrayNode,
  isExactNode,
  isInterfaceNode,
  isIntersectionNode,
  isLiteralNode,
  isPartialNode,
  isPlainUnionNode,
  isReadonlyNode,
} from './io-ts-nodes';
import { type FieldPlan, passesCheck, planField, STEP, type Step } from './field-plan';
import { CheckedType } from './refine';

/** What a compiled decoder returns for input its codec refuses (or that it leaves to io-ts). */
export const NOT_DECODED: unique symbol = Symbol('not decoded');

/** A decoder compiled from an io-ts codec: the decoded value, or NOT_DECODED. */
export type CompiledDecoder<A> = (input: unknown) => A | typeof NOT_DECODED;

// Whose `validate` is `is(u) ? success(u) : failure`, so `is` decides and the value passes
// through unchanged. (A number literal is not: io-ts gives its value, 0 for -0.)
const decidedByIs = <A>(codec: t.Type<A, A>): boolean =>
  codec instanceof t.StringType ||
  codec instanceof t.NumberType ||
  codec instanceof t.BooleanType ||
  codec instanceof t.NullType ||
  codec instanceof t.KeyofType ||
  (isLiteralNode(codec) && typeof codec.value !== 'number');

const isCodec = (codec: t.Decoder<unknown, unknown>): codec is Codec => codec instanceof t.Type;

const isCheckedNode = <A>(codec: t.Type<A, A>): codec is CheckedType<A> =>
  codec instanceof CheckedType;

/**
 * A test that decides `codec` alone where its decoded value is always the input itself
 * (primitives and refinements of them), or `undefined` where decoding may change the value.
 */
const compileCheck = <A>(codec: t.Type<A, A>): t.Is<A> | undefined => {
  if (decidedByIs(codec)) return codec.is;
  if (isCheckedNode(codec)) {
    const ok = codec.ok;
    const inner = codec.base;
    // A check of a check of a primitive (storable text of a refined string): one call less
    // per field, which is most fields of every event.
    if (isCheckedNode(inner) && decidedByIs(inner.base)) {
      const is = inner.base.is;
      const innerOk = inner.ok;
      return (input): input is A => is(input) && innerOk(input) && ok(input);
    }
    const base = compileCheck(inner);
    return base && ((input): input is A => base(input) && ok(input));
  }
  return undefined;
};

// A node the compiler does not know: its own validate decides, at the cost of io-ts.
const viaValidate =
  (codec: t.Decoder<unknown, unknown>): Step =>
  (input) => {
    const result = codec.validate(input, [{ key: '', type: codec, actual: input }]);
    return E.isRight(result) ? result.right : NOT_DECODED;
  };

interface Field {
  readonly key: string;
  readonly step: Step;
  /** Set where the field's value is kept as it is whenever it is valid. */
  readonly check: ((input: unknown) => boolean) | undefined;
}

const compileFields = (props: t.Props): readonly Field[] =>
  Object.entries(props).map(([key, codec]) => ({
    key,
    step: compileStep(codec),
    check: compileCheck(codec),
  }));

// Copies are made with Object.assign, as io-ts's compiled `__assign` does: a `__proto__` key
// is then set (the copy's prototype), not copied, unlike in a spread.
// Each step below does what the io-ts 2.2 combinator's validate does with the value (the same
// reads, the same copies, the same key order), without its contexts, Eithers and error lists.
// The property test in compile-decoder.properties.test.ts holds them to it.

const interfaceStep = (props: t.Props): Step => {
  const fields = compileFields(props);
  return (input) => {
    if (!isUnknownRecord(input)) return NOT_DECODED;
    let output = input;
    for (const { key, step } of fields) {
      const value = output[key];
      const decoded = step(value);
      if (decoded === NOT_DECODED) return NOT_DECODED;
      if (decoded !== value || (decoded === undefined && !Object.hasOwn(output, key))) {
        if (output === input) output = Object.assign({}, input);
        output[key] = decoded;
      }
    }
    return output;
  };
};

const partialStep = (props: t.Props): Step => {
  const fields = compileFields(props);
  return (input) => {
    if (!isUnknownRecord(input)) return NOT_DECODED;
    let output = input;
    for (const { key, step } of fields) {
      const value = output[key];
      const decoded = step(value);
      if (decoded === NOT_DECODED) {
        if (value !== undefined) return NOT_DECODED;
      } else if (decoded !== value) {
        if (output === input) output = Object.assign({}, input);
        output[key] = decoded;
      }
    }
    return output;
  };
};

const intersectionStep = (codec: t.IntersectionType<Codec[]>): Step => {
  const steps = codec.types.map(compileStep);
  const ioTs = viaValidate(codec);
  return (input) => {
    const decoded: unknown[] = [];
    for (const step of steps) {
      const value = step(input);
      if (value === NOT_DECODED) return NOT_DECODED;
      decoded.push(value);
    }
    return mergeDecoded(input, decoded) ?? ioTs(input);
  };
};

const exactStep = (codec: t.ExactType<Codec>): Step => {
  const props = propsOf(codec.type);
  if (props === undefined) return viaValidate(codec);
  const step = compileStep(codec.type);
  const ioTs = viaValidate(codec);
  return (input) => {
    if (!isUnknownRecord(input)) return NOT_DECODED;
    const decoded = step(input);
    if (decoded === NOT_DECODED) return NOT_DECODED;
    return isUnknownRecord(decoded) ? stripUnknownKeys(decoded, props) : ioTs(input);
  };
};

const arrayStep = (item: Codec): Step => {
  const step = compileStep(item);
  const check = compileCheck(item);
  if (check !== undefined) {
    // Items kept whenever valid (texts, rule ids): the array is the input itself or refused.
    const plan = planField(item, check, step);
    return (input) => {
      if (!Array.isArray(input)) return NOT_DECODED;
      const items: readonly unknown[] = input;
      for (let i = 0; i < items.length; i++) if (!passesCheck(plan, items[i])) return NOT_DECODED;
      return items;
    };
  }
  return (input) => {
    if (!Array.isArray(input)) return NOT_DECODED;
    const items: readonly unknown[] = input;
    let output: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const value = items[i];
      const decoded = step(value);
      if (decoded === NOT_DECODED) return NOT_DECODED;
      if (decoded !== value) {
        output ??= items.slice();
        output[i] = decoded;
      }
    }
    return output ?? items;
  };
};

const unionStep = (members: readonly Codec[]): Step => {
  const steps = members.map(compileStep);
  return (input) => {
    for (const step of steps) {
      const decoded = step(input);
      if (decoded !== NOT_DECODED) return decoded;
    }
    return NOT_DECODED;
  };
};

// The fields a record step tracks, one bit each in a 32-bit integer.
const MAX_FIELDS = 30;

// exact(type) or exact(intersection([type, partial])), as `record` and `tagged` make them:
// when no field's value changes, io-ts gives the input itself, stripped of unknown keys. The
// fields are read in a for-in loop, where V8 loads each value by its slot instead of looking the
// key up (a record step is one function for every record, so a lookup by key is megamorphic).
// That takes the input as it comes in a stored event: the keys own, enumerable and known, in
// any order, every required one present. Anything else, and any field whose value decoding
// changes, goes to the general steps, which do what io-ts does.
const recordStep = (
  codec: t.ExactType<Codec>,
  required: t.Props,
  optional: t.Props,
  props: t.Props,
): Step => {
  const general = exactStep(codec);
  const order = Object.keys(props);
  const requiredCount = Object.keys(required).length;
  // One bit a field (the set of fields read); a key in both halves is io-ts's to merge.
  if (order.length > MAX_FIELDS || order.length !== requiredCount + Object.keys(optional).length)
    return general;
  const plans: readonly FieldPlan[] = order.map((key) => {
    const field = props[key];
    return planField(field ?? t.never, field && compileCheck(field), compileStep(field));
  });
  const requiredMask = 2 ** requiredCount - 1;
  return (input) => {
    if (!isUnknownRecord(input)) return NOT_DECODED;
    let next = 0;
    let read = 0;
    let count = 0;
    for (const key in input) {
      next = fieldAt(order, key, next);
      // An unknown key: io-ts strips it.
      if (next < 0) return general(input);
      const plan = plans[next];
      if (plan === undefined) return general(input);
      const value = input[key];
      if (plan.kind === STEP) {
        const decoded = plan.step(value);
        if (decoded === NOT_DECODED) {
          // A refused optional field is one io-ts skips only when it is undefined.
          if (next < requiredCount || value !== undefined) return NOT_DECODED;
        } else if (decoded !== value) return general(input);
      } else if (!passesCheck(plan, value) && (next < requiredCount || value !== undefined))
        return NOT_DECODED;
      read |= 1 << next;
      next++;
      count++;
    }
    if ((read & requiredMask) !== requiredMask) return general(input);
    // An absent optional field: io-ts reads it too (a prototype may have it).
    for (let i = requiredCount; i < order.length; i++) {
      const key = order[i];
      if ((read & (1 << i)) === 0 && key !== undefined && input[key] !== undefined)
        return general(input);
    }
    return ownKeysRead(input, order, read, count) ? input : general(input);
  };
};

// The position of `key` among the fields (-1 if none), looked for first where the previous key
// was followed: stored events mostly keep the codec's order, optional fields now and then
// earlier.
const fieldAt = (order: readonly string[], key: string, hint: number): number => {
  if (order[hint] === key) return hint;
  // A loop V8 inlines rather than a call of indexOf; keys are interned, so === is cheap.
  for (let i = 0; i < order.length; i++) if (order[i] === key) return i;
  return -1;
};

// Whether the own keys of `value` are exactly the `count` keys for-in read (the bits of
// `read`): for-in also yields inherited keys and skips non-enumerable own ones, either of which
// io-ts's exact codec treats otherwise. Own keys come in the order for-in gives them.
const ownKeysRead = (
  value: object,
  order: readonly string[],
  read: number,
  count: number,
): boolean => {
  const names = Object.getOwnPropertyNames(value);
  if (names.length !== count) return false;
  let next = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    next = name === undefined ? -1 : fieldAt(order, name, next);
    if (next < 0 || (read & (1 << next)) === 0) return false;
    next++;
  }
  return true;
};

/** The record step for `codec`, if it has the shape recordStep handles. */
const asRecord = (codec: t.ExactType<Codec>): Step | undefined => {
  const inner = codec.type;
  if (isInterfaceNode(inner)) return recordStep(codec, inner.props, {}, inner.props);
  if (!isIntersectionNode(inner) || inner.types.length !== 2) return undefined;
  const [required, optional] = inner.types;
  if (required === undefined || !isInterfaceNode(required)) return undefined;
  if (optional === undefined || !isPartialNode(optional)) return undefined;
  return recordStep(codec, required.props, optional.props, {
    ...required.props,
    ...optional.props,
  });
};

const checkedStep = <A>(codec: CheckedType<A>): Step => {
  const base = compileDecoder(codec.base);
  return (input) => {
    const decoded = base(input);
    // Only a value `base` decoded reaches `ok`, as in refine's validate.
    return decoded !== NOT_DECODED && codec.ok(decoded) ? decoded : NOT_DECODED;
  };
};

function compileStep(codec: Codec | undefined): Step {
  if (codec === undefined) return () => NOT_DECODED;
  const check = compileCheck(codec);
  if (check !== undefined) return (input) => (check(input) ? input : NOT_DECODED);
  if (isLiteralNode(codec)) {
    const literal = codec.value;
    return (input) => (input === literal ? literal : NOT_DECODED);
  }
  if (codec instanceof CheckedType) return checkedStep(codec);
  if (isReadonlyNode(codec)) return compileStep(codec.type);
  if (isExactNode(codec)) return asRecord(codec) ?? exactStep(codec);
  if (isIntersectionNode(codec)) return intersectionStep(codec);
  if (isInterfaceNode(codec)) return interfaceStep(codec.props);
  if (isPartialNode(codec)) return partialStep(codec.props);
  if (isArrayNode(codec)) return arrayStep(codec.type);
  if (isPlainUnionNode(codec)) return unionStep(codec.types);
  return viaValidate(codec);
}

/**
 * Compiles `codec` once into a plain function that gives, for any input, exactly the value
 * `codec.decode` would give on success (unknown keys stripped, the same copies, the input
 * itself where io-ts returns it), or NOT_DECODED where it would fail. It does not say why:
 * the caller decodes refused input again with io-ts for the error.
 */
export function compileDecoder<A>(codec: t.Decoder<unknown, A>): CompiledDecoder<A>;
// The implementation is typed by what it does (any value); the overload above states what
// the property test proves: a value it gives is what `codec` decodes, so it is an A.
export function compileDecoder(codec: t.Decoder<unknown, unknown>): CompiledDecoder<unknown> {
  return isCodec(codec) ? compileStep(codec) : viaValidate(codec);
}
