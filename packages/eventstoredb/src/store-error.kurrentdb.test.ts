// The errors of @kurrent/kurrentdb-client 1.x map to the same codes as those of 6.x
// (store-error.test.ts): the store reads the errors' `type` and fields, not their classes.
import {
  AccessDeniedError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { toStoreError } from './store-error';

const fields = (error: ReturnType<typeof toStoreError>) => ({
  code: error.code,
  streamId: error.streamId,
  expected: error.expected,
  actual: error.actual,
});

const append = { operation: 'appending to order-1', streamName: 'order-1' };

describe('toStoreError with the KurrentDB client', () => {
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

  it('takes the revisions from the error when the adapter does not know them', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'order-9',
      expected: 4n,
      current: 7n,
    });
    expect(fields(toStoreError(error, { operation: 'appending' }))).toEqual({
      code: 'WRONG_EXPECTED_VERSION',
      streamId: 'order-9',
      expected: 4n,
      actual: 7n,
    });
  });

  it('maps a missing or deleted stream, from gRPC or from the native reader, to STREAM_NOT_FOUND', () => {
    const read = { operation: 'reading order-1', streamName: 'order-1' };
    expect(
      [
        new StreamNotFoundError(undefined, 'order-1'),
        StreamDeletedError.fromStreamName('order-1'),
      ].map((error) => toStoreError(error, read).code),
    ).toEqual(['STREAM_NOT_FOUND', 'STREAM_NOT_FOUND']);
  });

  it('maps unavailable and deadline failures to STORE_UNAVAILABLE, access denied as unexpected', () => {
    expect(
      [
        new UnavailableError(undefined),
        new DeadlineExceededError(undefined),
        new AccessDeniedError(undefined),
      ].map((error) => {
        const failure = toStoreError(error, append);
        return [failure.code, failure.message.includes('unexpected error')];
      }),
    ).toEqual([
      ['STORE_UNAVAILABLE', false],
      ['STORE_UNAVAILABLE', false],
      ['STORE_UNAVAILABLE', true],
    ]);
  });

  it('maps an append over the size limit to INVALID_EVENT naming the limit', () => {
    const failure = toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1048576), append);
    expect([failure.code, failure.message.includes('(1048576 bytes)')]).toEqual([
      'INVALID_EVENT',
      true,
    ]);
  });
});
