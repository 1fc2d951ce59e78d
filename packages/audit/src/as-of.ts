import * as E from 'fp-ts/Either';
import { parseInstant } from '@order-liability/domain';
import { type AuditError, usageError } from './audit-error';

/** An --as-of value as epoch milliseconds: an ISO-8601 UTC instant such as 2026-03-01T00:00:00Z. */
export const parseAsOf = (text: string): E.Either<AuditError, number> => {
  const millis = parseInstant(text);
  return millis === undefined
    ? E.left(
        usageError(
          `--as-of ${JSON.stringify(text)} is not an ISO-8601 UTC time; write it like 2026-03-01T00:00:00Z`,
        ),
      )
    : E.right(millis);
};
