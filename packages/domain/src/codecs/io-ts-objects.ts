import type * as t from 'io-ts';
import {
  isInterfaceNode,
  isIntersectionNode,
  isPartialNode,
  isReadonlyNode,
  isRefinementNode,
} from './io-ts-nodes';

// What io-ts 2.2 does to objects while decoding (its internal mergeAll, stripKeys and
// getProps), written again because io-ts does not export them: the compiled decoder
// (compile-decoder.ts) must give exactly io-ts's values, down to which object is copied and
// in which key order. Kept to the letter, odd cases included (a `__proto__` key that for-in
// meets sets the merged object's prototype, as in io-ts).

export const isUnknownRecord = (u: unknown): u is Record<string, unknown> =>
  u !== null && typeof u === 'object' && !Array.isArray(u);

/**
 * The value an intersection decodes to, from its members' values (io-ts `mergeAll`), or
 * `undefined` when a member's value is neither the input nor an object: io-ts would walk its
 * characters, which the caller leaves to io-ts itself.
 */
export const mergeDecoded = (base: unknown, decoded: readonly unknown[]): unknown => {
  let equal = true;
  let primitive = true;
  for (const value of decoded) {
    if (value !== base) equal = false;
    if (isUnknownRecord(value)) primitive = false;
  }
  if (equal) return base;
  if (primitive) return decoded[decoded.length - 1];
  const merged: Record<string, unknown> = {};
  for (const value of decoded) {
    if (!isUnknownRecord(value)) return undefined;
    for (const key in value)
      if (!Object.hasOwn(merged, key) || !isUnknownRecord(base) || value[key] !== base[key])
        merged[key] = value[key];
  }
  return merged;
};

/** The value an exact codec gives: `value` itself, or a copy without keys not in `props`. */
export const stripUnknownKeys = (value: Record<string, unknown>, props: t.Props): unknown => {
  const keys = Object.getOwnPropertyNames(value);
  let known = true;
  for (const key of keys) if (!Object.hasOwn(props, key)) known = false;
  if (known) return value;
  const stripped: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(props, key)) stripped[key] = value[key];
  return stripped;
};

/** The fields an exact codec keeps (io-ts `getProps`), or `undefined` where io-ts has none. */
export const propsOf = (codec: t.Decoder<unknown, unknown>): t.Props | undefined => {
  if (isRefinementNode(codec) || isReadonlyNode(codec)) return propsOf(codec.type);
  if (isInterfaceNode(codec) || isPartialNode(codec)) return codec.props;
  if (isIntersectionNode(codec)) {
    const props: t.Props = {};
    for (const member of codec.types) Object.assign(props, propsOf(member));
    return props;
  }
  return undefined;
};
