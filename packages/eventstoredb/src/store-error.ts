import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type CurrentRevision,
} from '@eventstore/db-client';
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

const reported = (revision: CurrentRevision): ReportedRevision =>
  revision === 'no_stream' ? 'no-stream' : revision;

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : `a ${typeof error} was thrown`;

// gRPC status codes of a server or network that is gone, too slow or shutting down
// (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED), when the client leaves them unconverted.
const TRANSIENT_GRPC_CODES = new Set([14, 4, 1, 10]);

const grpcCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;

const wrongVersion = (
  error: WrongExpectedVersionError,
  context: FailureContext,
): EventStoreError => {
  const streamId = context.streamName ?? error.streamName;
  const actual = reported(error.actualVersion);
  const expected = context.expected ?? error.expectedVersion;
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
  if (error instanceof WrongExpectedVersionError) return wrongVersion(error, context);
  if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) {
    return streamNotFound(context.streamName ?? error.streamName);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return invalidEvent(
      context.streamName ?? '',
      undefined,
      `the append is larger than the server accepts (${error.maxAppendSize} bytes)`,
    );
  }
  const transient =
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof TimeoutError ||
    TRANSIENT_GRPC_CODES.has(Number(grpcCode(error)));
  return storeUnavailable(
    `${context.operation} failed${transient ? '' : ' with an unexpected error'}: ${describe(error)}`,
    error,
  );
};
