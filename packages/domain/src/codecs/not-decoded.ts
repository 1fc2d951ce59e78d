/** What a compiled decoder returns for input its codec refuses (or that it leaves to io-ts). */
export const NOT_DECODED: unique symbol = Symbol('not decoded');

/** A step of the compiled decoder: the decoded value, or NOT_DECODED. */
export type Step = (input: unknown) => unknown;
