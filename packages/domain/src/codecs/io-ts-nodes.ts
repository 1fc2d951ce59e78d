import * as t from 'io-ts';

/** Any codec, as the compiler walks it: it only ever hands values on as `unknown`. */
export type Codec = t.Type<unknown>;

// Narrowing by class alone gives io-ts's generics as `any`; these guards say what the
// compiler relies on of each node.

export const isReadonlyNode = (c: t.Decoder<unknown, unknown>): c is t.ReadonlyType<Codec> =>
  c instanceof t.ReadonlyType;

export const isRefinementNode = (c: t.Decoder<unknown, unknown>): c is t.RefinementType<Codec> =>
  c instanceof t.RefinementType;

export const isExactNode = (c: t.Decoder<unknown, unknown>): c is t.ExactType<Codec> =>
  c instanceof t.ExactType;

export const isIntersectionNode = (
  c: t.Decoder<unknown, unknown>,
): c is t.IntersectionType<Codec[]> => c instanceof t.IntersectionType;

export const isInterfaceNode = (c: t.Decoder<unknown, unknown>): c is t.InterfaceType<t.Props> =>
  c instanceof t.InterfaceType;

export const isPartialNode = (c: t.Decoder<unknown, unknown>): c is t.PartialType<t.Props> =>
  c instanceof t.PartialType;

export const isArrayNode = (
  c: t.Decoder<unknown, unknown>,
): c is t.ArrayType<Codec> | t.ReadonlyArrayType<Codec> =>
  c instanceof t.ArrayType || c instanceof t.ReadonlyArrayType;

// A tagged union (a subclass) picks its member by the tag, so only the plain union qualifies.
export const isPlainUnionNode = (c: t.Decoder<unknown, unknown>): c is t.UnionType<Codec[]> =>
  c instanceof t.UnionType && Object.getPrototypeOf(c) === t.UnionType.prototype;

export const isLiteralNode = (
  c: t.Decoder<unknown, unknown>,
): c is t.LiteralType<string | number | boolean> => c instanceof t.LiteralType;
