/**
 * An argument a programmer got wrong (a malformed option, a stream name over the limit, a
 * revision or position out of range). Retrying cannot fix it, so it is never STORE_UNAVAILABLE
 * and `handle` never repeats it. A TypeError, with the stable code INVALID_ARGUMENT.
 */
export class InvalidArgumentError extends TypeError {
  readonly code = 'INVALID_ARGUMENT';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidArgumentError';
  }
}

export const isInvalidArgumentError = (error: unknown): error is InvalidArgumentError =>
  error instanceof InvalidArgumentError;

/**
 * The longest stream name, in UTF-8 bytes, every store keeps: PostgreSQL indexes it in a b-tree,
 * whose entries hold at most about 2,700 bytes. Fixed, not configurable: a longer name could not
 * be moved between stores.
 */
export const MAX_STREAM_NAME_BYTES = 2048;

/** The largest revision and position component: an unsigned 64-bit integer, as EventStoreDB's. */
export const MAX_REVISION = 2n ** 64n - 1n;
