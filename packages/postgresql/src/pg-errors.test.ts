import { EventStoreError } from '@order-liability/store';
import { toStoreError } from './pg-errors';

const pgError = (fields: Record<string, string>): Error =>
  Object.assign(new Error(fields['message'] ?? 'failed'), fields);
const context = { schema: 'order_liability', streamId: 'order-1' };
const summary = (error: EventStoreError) => [error.code, error.streamId];

describe('toStoreError', () => {
  it.each([
    [
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      ['STORE_UNAVAILABLE', undefined],
    ],
    [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      ['STORE_UNAVAILABLE', undefined],
    ],
    [{ code: '40001', message: 'could not serialize access' }, ['STORE_UNAVAILABLE', undefined]],
    [{ code: '42P01', message: 'relation does not exist' }, ['STORE_UNAVAILABLE', undefined]],
    [
      { code: '22P05', message: 'unsupported Unicode escape sequence' },
      ['INVALID_EVENT', 'order-1'],
    ],
    [
      { code: 'OL002', message: 'event ids already stored', detail: 'x' },
      ['INVALID_EVENT', 'order-1'],
    ],
    [
      { code: '23505', message: 'duplicate key', constraint: 'messages_event_id_key' },
      ['INVALID_EVENT', 'order-1'],
    ],
    [{ message: 'Connection terminated unexpectedly' }, ['STORE_UNAVAILABLE', undefined]],
  ])('given %j, then it maps to %j', (fields, expected) => {
    expect(summary(toStoreError(pgError(fields), context))).toEqual(expected);
  });

  it('given an EventStoreError or a value that is no error, then it passes the first through and wraps the second', () => {
    const original = new EventStoreError('STREAM_NOT_FOUND', 'gone', { streamId: 'order-1' });
    expect(toStoreError(original, context)).toBe(original);
    expect(summary(toStoreError('boom', context))).toEqual(['STORE_UNAVAILABLE', undefined]);
  });

  it('given a missing schema, then the message says to call migrate()', () => {
    expect(
      toStoreError(pgError({ code: '3F000', message: 'schema "x" does not exist' }), context)
        .message,
    ).toContain('call migrate() first');
  });
});
