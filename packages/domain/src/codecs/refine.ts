import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
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
    (u, context) =>
      pipe(
        base.validate(u, context),
        E.chain((value) => (ok(value) ? t.success(value) : t.failure(u, context))),
      ),
    t.identity,
  );
