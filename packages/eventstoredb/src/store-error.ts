import {
  invalidEvent,
  isEventStoreError,
  storeUnavailable,
  streamExpectedToExist,
  streamNotFound,
  wrongExpectedVersion,
  type EventStoreError,
  type ExpectedRevision,
  type ReportedRevision,
} from '@order-liability/store';

/** What the adapter was doing when the client failed, to name it in the error. */
export interface FailureContext {
  readonly operation: string;
  readonly streamName?: string;
  /** For an append: the revision the caller expected. */
  readonly expected?: ExpectedRevision;
}

/**
 * Both clients' errors carry the same `type` (their `ErrorType`); the classes differ per
 * package, so the store reads the type and the fields, never `instanceof`.
 */
const typeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? Reflect.get(error, 'type') : undefined;

const field = (error: unknown, ...names: string[]): unknown => {
  if (typeof error !== 'object' || error === null) return undefined;
  for (const name of names) {
    const value: unknown = Reflect.get(error, name);
    if (value !== undefined) return value;
  }
  return undefined;
};

// 'no_stream', 'stream_exists', 'any' or a revision, as both clients report them.
type ClientRevision = bigint | 'no_stream' | 'stream_exists' | 'any';

const clientRevision = (value: unknown): ClientRevision | undefined =>
  typeof value === 'bigint' || value === 'no_stream' || value === 'stream_exists' || value === 'any'
    ? value
    : undefined;

const reported = (revision: ClientRevision | undefined): ReportedRevision =>
  typeof revision === 'bigint' ? revision : 'no-stream';

const streamOf = (error: unknown, context: FailureContext): string => {
  const named = field(error, 'streamName');
  return context.streamName ?? (typeof named === 'string' ? named : '');
};

const TRANSIENT_TYPES = new Set(['unavailable', 'deadline-exceeded', 'cancelled', 'timeout']);

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : `a ${typeof error} was thrown`;

// gRPC status codes of a server or network that is gone, too slow or shutting down
// (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED), when the client leaves them unconverted.
const TRANSIENT_GRPC_CODES = new Set([14, 4, 1, 10]);

const grpcCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;

const wrongVersion = (error: unknown, context: FailureContext): EventStoreError => {
  const streamId = streamOf(error, context);
  // 6.x names them actualVersion / expectedVersion, 1.x actualState / expectedState.
  const actual = reported(clientRevision(field(error, 'actualVersion', 'actualState')));
  const expected =
    context.expected ?? clientRevision(field(error, 'expectedVersion', 'expectedState')) ?? 'any';
  if (expected === 'stream-exists' || expected === 'stream_exists') {
    return streamExpectedToExist(streamId);
  }
  if (expected === 'any') {
    return storeUnavailable(
      `EventStoreDB refused an append to ${streamId} expecting any revision`,
      error,
    );
  }
  return wrongExpectedVersion(streamId, expected === 'no_stream' ? 'no-stream' : expected, actual);
};

/** Maps whatever the client threw to the port's coded error. */
export const toStoreError = (error: unknown, context: FailureContext): EventStoreError => {
  if (isEventStoreError(error)) return error;
  const type = typeOf(error);
  if (type === 'wrong-expected-version') return wrongVersion(error, context);
  if (type === 'stream-not-found' || type === 'stream-deleted') {
    return streamNotFound(streamOf(error, context));
  }
  if (type === 'maximum-append-size-exceeded') {
    return invalidEvent(
      context.streamName ?? '',
      undefined,
      `the append is larger than the server accepts (${String(field(error, 'maxAppendSize'))} bytes)`,
    );
  }
  const transient =
    (typeof type === 'string' && TRANSIENT_TYPES.has(type)) ||
    TRANSIENT_GRPC_CODES.has(Number(grpcCode(error)));
  return storeUnavailable(
    `${context.operation} failed${transient ? '' : ' with an unexpected error'}: ${describe(error)}`,
    error,
  );
};
