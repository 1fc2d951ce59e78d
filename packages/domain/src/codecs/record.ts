import * as t from 'io-ts';

/**
 * An object codec with required and optional fields. Unknown fields are dropped (exact),
 * optional fields may be absent but never `null`, and the result is read-only.
 */
export const record = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
) => t.readonly(t.exact(t.intersection([t.type(required), t.partial(optional)]), name), name);

/** A string union such as `'goods' | 'service'`, written `oneOf({ goods: null, service: null })`. */
export const oneOf = <D extends Record<string, null>>(keys: D) =>
  t.keyof(
    keys,
    `one of ${Object.keys(keys)
      .map((k) => `'${k}'`)
      .join(', ')}`,
  );

/** A message `{ type, data }` with a literal type: how events and commands are coded. */
export const tagged = <K extends string, D extends t.Mixed>(type: K, data: D) =>
  t.readonly(t.exact(t.type({ type: t.literal(type), data }), type), type);
