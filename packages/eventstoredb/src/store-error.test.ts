import * as eventStoreDB from '@eventstore/db-client';
import * as kurrentDB from '@kurrent/kurrentdb-client';
import { streamNotFound } from '@order-liability/store';
import { toStoreError } from './store-error';

// The adapter reads a client error's `type` and fields, not its class, so the errors of
// @eventstore/db-client 6.x and of @kurrent/kurrentdb-client 1.x must map alike: every case
// below runs on both clients' own error classes.

type ClientExpected = bigint | 'no_stream' | 'stream_exists';
type ClientCurrent = bigint | 'no_stream';

/** One client's errors, as the client itself builds them. */
interface ClientErrors {
  wrongExpectedVersion(
    streamName: string,
    expected: ClientExpected,
    current: ClientCurrent,
  ): unknown;
  streamNotFound(streamName: string): unknown;
  streamDeleted(streamName: string): unknown;
  unavailable(): unknown;
  deadlineExceeded(): unknown;
  cancelled(): unknown;
  accessDenied(): unknown;
  maxAppendSize(bytes: number): unknown;
}

const sixX: ClientErrors = {
  wrongExpectedVersion: (streamName, expected, current) =>
    new eventStoreDB.WrongExpectedVersionError(undefined, { streamName, expected, current }),
  streamNotFound: (streamName) => new eventStoreDB.StreamNotFoundError(undefined, streamName),
  streamDeleted: (streamName) => eventStoreDB.StreamDeletedError.fromStreamName(streamName),
  unavailable: () => new eventStoreDB.UnavailableError(),
  deadlineExceeded: () => new eventStoreDB.DeadlineExceededError(),
  cancelled: () => new eventStoreDB.CancelledError(),
  accessDenied: () => new eventStoreDB.AccessDeniedError(),
  maxAppendSize: (bytes) => eventStoreDB.MaxAppendSizeExceededError.fromMaxAppendSize(bytes),
};

const kurrent: ClientErrors = {
  wrongExpectedVersion: (streamName, expected, current) =>
    new kurrentDB.WrongExpectedVersionError(undefined, { streamName, expected, current }),
  streamNotFound: (streamName) => new kurrentDB.StreamNotFoundError(undefined, streamName),
  streamDeleted: (streamName) => kurrentDB.StreamDeletedError.fromStreamName(streamName),
  unavailable: () => new kurrentDB.UnavailableError(undefined),
  deadlineExceeded: () => new kurrentDB.DeadlineExceededError(undefined),
  cancelled: () => new kurrentDB.CancelledError(undefined),
  accessDenied: () => new kurrentDB.AccessDeniedError(undefined),
  maxAppendSize: (bytes) => kurrentDB.MaxAppendSizeExceededError.fromMaxAppendSize(bytes),
};

const fields = (error: ReturnType<typeof toStoreError>) => ({
  code: error.code,
  streamId: error.streamId,
  expected: error.expected,
  actual: error.actual,
});

const append = { operation: 'appending to order-1', streamName: 'order-1' };

const unavailable = (cause: string): string =>
  `The event store is unavailable: appending to order-1 failed${cause}. Retry later, or check the connection.`;

describe.each([
  ['@eventstore/db-client 6.x', sixX],
  ['@kurrent/kurrentdb-client 1.x', kurrent],
])('toStoreError with %s', (_client, client) => {
  it.each([
    ['a revision', 3n, 3n, 5n, 5n],
    ['no-stream', 'no-stream', 'no_stream', 2n, 2n],
    ['a revision on a missing stream', 0n, 0n, 'no_stream', 'no-stream'],
  ] as const)(
    'maps a wrong expected version (%s) with both revisions',
    (_case, expected, clientExpected, current, actual) => {
      const error = client.wrongExpectedVersion('order-1', clientExpected, current);
      expect(fields(toStoreError(error, { ...append, expected }))).toEqual({
        code: 'WRONG_EXPECTED_VERSION',
        streamId: 'order-1',
        expected,
        actual,
      });
    },
  );

  it("reports a failed 'stream-exists' as expected 0n, actual 'no-stream', as the port does", () => {
    const error = client.wrongExpectedVersion('order-1', 'stream_exists', 'no_stream');
    expect(fields(toStoreError(error, { ...append, expected: 'stream-exists' }))).toEqual({
      code: 'WRONG_EXPECTED_VERSION',
      streamId: 'order-1',
      expected: 0n,
      actual: 'no-stream',
    });
  });

  it('takes the revisions from the error when the adapter does not know them', () => {
    const error = client.wrongExpectedVersion('order-9', 4n, 7n);
    expect(fields(toStoreError(error, { operation: 'appending' }))).toEqual({
      code: 'WRONG_EXPECTED_VERSION',
      streamId: 'order-9',
      expected: 4n,
      actual: 7n,
    });
  });

  it('maps a missing or deleted stream to STREAM_NOT_FOUND', () => {
    expect(
      [client.streamNotFound('order-1'), client.streamDeleted('order-1')].map((error) =>
        fields(toStoreError(error, { operation: 'reading order-1' })),
      ),
    ).toEqual([
      { code: 'STREAM_NOT_FOUND', streamId: 'order-1', expected: undefined, actual: undefined },
      { code: 'STREAM_NOT_FOUND', streamId: 'order-1', expected: undefined, actual: undefined },
    ]);
  });

  it('maps unavailable, deadline, cancelled and unexpected failures to STORE_UNAVAILABLE naming the operation', () => {
    const errors = [
      client.unavailable(),
      client.deadlineExceeded(),
      client.cancelled(),
      client.accessDenied(),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
      'a thrown text',
    ];
    expect(
      errors.map((error) => {
        const failure = toStoreError(error, append);
        return [failure.code, failure.message];
      }),
    ).toEqual([
      ['STORE_UNAVAILABLE', unavailable(': ')],
      ['STORE_UNAVAILABLE', unavailable(': ')],
      ['STORE_UNAVAILABLE', unavailable(': ')],
      ['STORE_UNAVAILABLE', unavailable(' with an unexpected error: ')],
      ['STORE_UNAVAILABLE', unavailable(': 14 UNAVAILABLE: No connection established')],
      ['STORE_UNAVAILABLE', unavailable(' with an unexpected error: a string was thrown')],
    ]);
  });

  it('maps an append over the size limit to INVALID_EVENT, and passes store errors through', () => {
    const tooLarge = toStoreError(client.maxAppendSize(1024), append);
    const own = streamNotFound('order-1');
    expect([tooLarge.code, tooLarge.message]).toEqual([
      'INVALID_EVENT',
      'Invalid event in stream order-1: the append is larger than the server accepts (1024 bytes)',
    ]);
    expect(toStoreError(own, append)).toBe(own);
  });
});
