import * as E from 'fp-ts/Either';
import * as t from 'io-ts';

/**
 * A codec that accepts what `base` decodes and `ok` approves of the decoded value, keeping
 * both at hand: the compiled decoder (compile-decoder.ts) runs `base` and `ok` itself instead
 * of this codec's `validate`, which would allocate the io-ts context on every field.
 */
export class CheckedType<A> extends t.Type<A, A> {
  readonly _tag = 'CheckedType';

  constructor(
    name: string,
    is: t.Is<A>,
    validate: t.Validate<unknown, A>,
    readonly base: t.Type<A, A>,
    readonly ok: (value: A) => boolean,
  ) {
    super(name, is, validate, t.identity);
  }
}

/**
 * A codec that accepts what `base` accepts and `ok` approves. Unlike io-ts brands it keeps
 * the plain type, so callers can build events from literals; the name is what a person
 * reads when decoding fails ("expected <name>").
 */
export const refine = <A>(
  base: t.Type<A, A>,
  name: string,
  ok: (value: A) => boolean,
): CheckedType<A> =>
  new CheckedType<A>(
    name,
    (u): u is A => base.is(u) && ok(u),
    // Written out rather than piped: this runs for every field of every event replayed.
    (u, context) => {
      const result = base.validate(u, context);
      if (E.isLeft(result)) return result;
      return ok(result.right) ? result : t.failure(u, context);
    },
    base,
    ok,
  );
