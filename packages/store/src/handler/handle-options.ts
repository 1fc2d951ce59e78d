import type { PolicyOverride } from '@order-liability/domain';
import { isRecord, showValue } from '../is-record';
import type { NewEventMetadata } from '../port';

/** How many times `handle` re-reads and decides again after a concurrent write, by default. */
export const DEFAULT_RETRIES = 5;

/** How many times `handle` repeats a read or an append the store was unavailable for. */
export const DEFAULT_UNAVAILABLE_RETRIES = 3;

/** The first pause before such a repeat; it doubles each time. */
export const DEFAULT_RETRY_DELAY_MS = 100;

export interface HandleOptions {
  /** Overrides of the domain's default policy, for the decision and for `decide`. */
  readonly policy?: PolicyOverride;
  /** Re-reads after WRONG_EXPECTED_VERSION before giving up with it; default 5 (so 6 attempts). */
  readonly retries?: number;
  /** E.g. the form's submission id: a second command with the same key records nothing. */
  readonly idempotencyKey?: string;
  /**
   * Repeats of a read or an append that failed with STORE_UNAVAILABLE; default 3. Safe: an
   * append is repeated with the same event ids, so one that landed is not stored twice.
   */
  readonly unavailableRetries?: number;
  /** The first pause before such a repeat, in milliseconds, doubling each time; default 100. */
  readonly retryDelayMs?: number;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface CheckedHandleOptions {
  readonly policy: PolicyOverride | undefined;
  readonly retries: number;
  readonly unavailableRetries: number;
  readonly retryDelayMs: number;
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
  const { retries, policy, unavailableRetries, retryDelayMs } = options ?? {};
  const count = (what: string, value: number | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw refuse(what, 'a whole number, 0 or more', value);
  };
  const idempotencyKey = optionalText('idempotencyKey', given['idempotencyKey'], true);
  const correlationId = optionalText('correlationId', given['correlationId'], false);
  const causationId = optionalText('causationId', given['causationId'], false);
  return {
    policy,
    retries: count('retries', retries, DEFAULT_RETRIES),
    unavailableRetries: count(
      'unavailableRetries',
      unavailableRetries,
      DEFAULT_UNAVAILABLE_RETRIES,
    ),
    retryDelayMs: count('retryDelayMs', retryDelayMs, DEFAULT_RETRY_DELAY_MS),
    idempotencyKey,
    metadata: {
      ...(correlationId === undefined ? {} : { correlationId }),
      ...(causationId === undefined ? {} : { causationId }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    },
  };
};
