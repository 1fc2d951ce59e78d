import * as E from 'fp-ts/Either';
import * as t from 'io-ts';

/**
 * A codec that accepts what `base` accepts and `ok` approves. Unlike io-ts brands it keeps
 * the plain type, so callers can build events from literals; the name is what a person
 * reads when decoding fails ("expected <name>").
 */
export const refine = <A>(
  base: t.Type<A, A>,
  name: string,
  ok: (value: A) => boolean,
): t.Type<A, A> =>
  new t.Type<A, A>(
    name,
    (u): u is A => base.is(u) && ok(u),
    // Written out rather than piped: this runs for every field of every event replayed.
    (u, context) => {
      const result = base.validate(u, context);
      if (E.isLeft(result)) return result;
      return ok(result.right) ? result : t.failure(u, context);
    },
    t.identity,
  );
