import type { PolicyOverride } from '@order-liability/domain';
import { isRecord, showValue } from '../is-record';
import type { NewEventMetadata } from '../port';

/** How many times `handle` re-reads and decides again after a concurrent write, by default. */
export const DEFAULT_RETRIES = 5;

export interface HandleOptions {
  /** Overrides of the domain's default policy, for the decision and for `decide`. */
  readonly policy?: PolicyOverride;
  /** Re-reads after WRONG_EXPECTED_VERSION before giving up with it; default 5 (so 6 attempts). */
  readonly retries?: number;
  /** E.g. the form's submission id: a second command with the same key records nothing. */
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface CheckedHandleOptions {
  readonly policy: PolicyOverride | undefined;
  readonly retries: number;
  readonly idempotencyKey: string | undefined;
  /** The metadata every appended event carries. */
  readonly metadata: NewEventMetadata;
}

const refuse = (what: string, expected: string, value: unknown): TypeError =>
  new TypeError(`${what}: expected ${expected}, got ${showValue(value)} (${typeof value}).`);

const optionalText = (what: string, value: unknown, nonEmpty: boolean): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (!nonEmpty || value !== '')) return value;
  throw refuse(what, nonEmpty ? 'a non-empty text' : 'a text', value);
};

export const checkHandleOptions = (options: HandleOptions | undefined): CheckedHandleOptions => {
  const given: unknown = options ?? {};
  if (!isRecord(given)) throw refuse('options', 'an object or nothing', given);
  const { retries, policy } = options ?? {};
  if (retries !== undefined && !(Number.isSafeInteger(retries) && retries >= 0))
    throw refuse('retries', 'a whole number, 0 or more', retries);
  const idempotencyKey = optionalText('idempotencyKey', given['idempotencyKey'], true);
  const correlationId = optionalText('correlationId', given['correlationId'], false);
  const causationId = optionalText('causationId', given['causationId'], false);
  return {
    policy,
    retries: retries ?? DEFAULT_RETRIES,
    idempotencyKey,
    metadata: {
      ...(correlationId === undefined ? {} : { correlationId }),
      ...(causationId === undefined ? {} : { causationId }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    },
  };
};
