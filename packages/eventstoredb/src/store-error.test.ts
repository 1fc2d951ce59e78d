import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { streamNotFound } from '@order-liability/store';
import { toStoreError } from './store-error';

const fields = (error: ReturnType<typeof toStoreError>) => ({
  code: error.code,
  streamId: error.streamId,
  expected: error.expected,
  actual: error.actual,
});

const append = { operation: 'appending to order-1', streamName: 'order-1' };

describe('toStoreError', () => {
  it.each([
    ['a revision', 3n, 3n, 5n, 5n],
    ['no-stream', 'no-stream', 'no_stream', 2n, 2n],
    ['a revision on a missing stream', 0n, 0n, 'no_stream', 'no-stream'],
  ] as const)(
    'maps a wrong expected version (%s) with both revisions',
    (_case, expected, clientExpected, current, actual) => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'order-1',
        expected: clientExpected,
        current,
      });
      expect(fields(toStoreError(error, { ...append, expected }))).toEqual({
        code: 'WRONG_EXPECTED_VERSION',
        streamId: 'order-1',
        expected,
        actual,
      });
    },
  );

  it("reports a failed 'stream-exists' as expected 0n, actual 'no-stream', as the port does", () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'order-1',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(fields(toStoreError(error, { ...append, expected: 'stream-exists' }))).toEqual({
      code: 'WRONG_EXPECTED_VERSION',
      streamId: 'order-1',
      expected: 0n,
      actual: 'no-stream',
    });
  });

  it('maps a missing or deleted stream to STREAM_NOT_FOUND', () => {
    expect(
      [
        new StreamNotFoundError(undefined, 'order-1'),
        StreamDeletedError.fromStreamName('order-1'),
      ].map((error) => fields(toStoreError(error, { operation: 'reading order-1' }))),
    ).toEqual([
      { code: 'STREAM_NOT_FOUND', streamId: 'order-1', expected: undefined, actual: undefined },
      { code: 'STREAM_NOT_FOUND', streamId: 'order-1', expected: undefined, actual: undefined },
    ]);
  });

  it('maps unavailable, deadline, cancelled and unexpected failures to STORE_UNAVAILABLE naming the operation', () => {
    const errors = [
      new UnavailableError(),
      new DeadlineExceededError(),
      new CancelledError(),
      new AccessDeniedError(),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
      'a thrown text',
    ];
    expect(
      errors.map((error) => [
        toStoreError(error, append).code,
        toStoreError(error, append).message,
      ]),
    ).toEqual([
      [
        'STORE_UNAVAILABLE',
        'The event store is unavailable: appending to order-1 failed: . Retry later, or check the connection.',
      ],
      [
        'STORE_UNAVAILABLE',
        'The event store is unavailable: appending to order-1 failed: . Retry later, or check the connection.',
      ],
      [
        'STORE_UNAVAILABLE',
        'The event store is unavailable: appending to order-1 failed: . Retry later, or check the connection.',
      ],
      [
        'STORE_UNAVAILABLE',
        'The event store is unavailable: appending to order-1 failed with an unexpected error: . Retry later, or check the connection.',
      ],
      [
        'STORE_UNAVAILABLE',
        'The event store is unavailable: appending to order-1 failed: 14 UNAVAILABLE: No connection established. Retry later, or check the connection.',
      ],
      [
        'STORE_UNAVAILABLE',
        'The event store is unavailable: appending to order-1 failed with an unexpected error: a string was thrown. Retry later, or check the connection.',
      ],
    ]);
  });

  it('maps an append over the size limit to INVALID_EVENT, and passes store errors through', () => {
    const tooLarge = toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), append);
    const own = streamNotFound('order-1');
    expect([tooLarge.code, tooLarge.message]).toEqual([
      'INVALID_EVENT',
      'Invalid event in stream order-1: the append is larger than the server accepts (1024 bytes)',
    ]);
    expect(toStoreError(own, append)).toBe(own);
  });
});
