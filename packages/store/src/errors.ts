/** The stable codes of store failures. */
export type EventStoreErrorCode =
  'WRONG_EXPECTED_VERSION' | 'STREAM_NOT_FOUND' | 'STORE_UNAVAILABLE' | 'INVALID_EVENT';

/** A revision as errors report it: a 0-based revision, or `'no-stream'`. */
export type ReportedRevision = bigint | 'no-stream';

interface EventStoreErrorDetails {
  readonly streamId?: string;
  readonly expected?: ReportedRevision;
  readonly actual?: ReportedRevision;
  readonly revision?: bigint;
  readonly cause?: unknown;
}

/** Every store method rejects with this error; `code` says what happened. */
export class EventStoreError extends Error {
  readonly code: EventStoreErrorCode;
  readonly streamId: string | undefined;
  /** WRONG_EXPECTED_VERSION: the revision the caller expected. */
  readonly expected: ReportedRevision | undefined;
  /** WRONG_EXPECTED_VERSION: the stream's actual revision. */
  readonly actual: ReportedRevision | undefined;
  /** INVALID_EVENT: the revision of the refused event, when it has one. */
  readonly revision: bigint | undefined;

  constructor(code: EventStoreErrorCode, message: string, details: EventStoreErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'EventStoreError';
    this.code = code;
    this.streamId = details.streamId;
    this.expected = details.expected;
    this.actual = details.actual;
    this.revision = details.revision;
  }
}

const showRevision = (revision: ReportedRevision | 'stream-exists' | 'any'): string =>
  typeof revision === 'bigint' ? `revision ${revision}` : revision;

export const wrongExpectedVersion = (
  streamId: string,
  expected: ReportedRevision,
  actual: ReportedRevision,
): EventStoreError =>
  new EventStoreError(
    'WRONG_EXPECTED_VERSION',
    `Stream ${streamId} was expected at ${showRevision(expected)} but is at ${showRevision(actual)}. Read the stream again, decide again and retry.`,
    { streamId, expected, actual },
  );

/**
 * WRONG_EXPECTED_VERSION for 'stream-exists' on a missing stream. `expected` is 0n, the least
 * revision an existing stream has (the error fields hold a revision or 'no-stream' only).
 */
export const streamExpectedToExist = (streamId: string): EventStoreError =>
  new EventStoreError(
    'WRONG_EXPECTED_VERSION',
    `Stream ${streamId} was expected to exist but has no events. Request a stop first, or append with expected revision 'no-stream'.`,
    { streamId, expected: 0n, actual: 'no-stream' },
  );

export const streamNotFound = (streamId: string): EventStoreError =>
  new EventStoreError(
    'STREAM_NOT_FOUND',
    `Stream ${streamId} does not exist. Check the order id, or request a stop first.`,
    { streamId },
  );

export const storeUnavailable = (reason: string, cause?: unknown): EventStoreError =>
  new EventStoreError(
    'STORE_UNAVAILABLE',
    `The event store is unavailable: ${reason}. Retry later, or check the connection.`,
    { cause },
  );

export const invalidEvent = (
  streamId: string,
  revision: bigint | undefined,
  reason: string,
): EventStoreError =>
  new EventStoreError(
    'INVALID_EVENT',
    `Invalid event in stream ${streamId}${revision === undefined ? '' : ` at revision ${revision}`}: ${reason}`,
    revision === undefined ? { streamId } : { streamId, revision },
  );

export const isEventStoreError = (error: unknown): error is EventStoreError =>
  error instanceof EventStoreError;
