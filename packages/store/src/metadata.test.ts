import * as E from 'fp-ts/Either';
import { decodeRecordedMetadata } from './metadata';

const stored = { eventId: 'e-1', recordedAt: '2026-03-02T09:00:05.123Z', schemaVersion: 1 };

describe('decodeRecordedMetadata', () => {
  it('given metadata without the optional ids (or with them null), then it keeps the three fields in order', () => {
    const plain = decodeRecordedMetadata({ ...stored, extra: 'x' });
    const nulls = decodeRecordedMetadata({ ...stored, correlationId: null, causationId: null });
    expect([plain, nulls]).toStrictEqual([E.right(stored), E.right(stored)]);
    expect(E.isRight(plain) && Object.keys(plain.right)).toEqual([
      'eventId',
      'recordedAt',
      'schemaVersion',
    ]);
  });

  it('given some optional ids, then it keeps them between recordedAt and schemaVersion', () => {
    const result = decodeRecordedMetadata({
      schemaVersion: 1,
      idempotencyKey: 'k',
      causationId: null,
      correlationId: 'c',
      recordedAt: stored.recordedAt,
      eventId: 'e-1',
    });
    expect(result).toStrictEqual(E.right({ ...stored, correlationId: 'c', idempotencyKey: 'k' }));
    expect(E.isRight(result) && Object.keys(result.right)).toEqual([
      'eventId',
      'recordedAt',
      'correlationId',
      'idempotencyKey',
      'schemaVersion',
    ]);
  });

  it('given recordedAt texts one after another, valid, repeated, invalid and valid again, then each gets its own answer', () => {
    const at = (recordedAt: unknown): boolean =>
      E.isRight(decodeRecordedMetadata({ ...stored, recordedAt }));

    expect(
      [
        stored.recordedAt,
        stored.recordedAt,
        '2026-02-30T00:00:00.000Z',
        '2026-02-30T00:00:00.000Z',
        '',
        stored.recordedAt,
        '2026-03-02T09:00:06Z',
        '2026-03-02T09:00:06',
      ].map(at),
    ).toEqual([true, true, false, false, false, true, true, false]);
  });

  it('given a bad field, then it names it', () => {
    expect([
      decodeRecordedMetadata({ ...stored, causationId: 7 }),
      decodeRecordedMetadata({ ...stored, recordedAt: '2026-02-30T00:00:00.000Z' }),
      decodeRecordedMetadata({ ...stored, schemaVersion: 99 }),
      decodeRecordedMetadata({ ...stored, eventId: '' }),
      decodeRecordedMetadata([]),
    ]).toStrictEqual([
      E.left('metadata.causationId: expected a text, got 7'),
      E.left('metadata.recordedAt: expected an ISO-8601 UTC time, got "2026-02-30T00:00:00.000Z"'),
      E.left(
        'metadata.schemaVersion: expected a schema version, a whole number from 0 to 1, got 99',
      ),
      E.left('metadata.eventId: expected a non-empty text, got ""'),
      E.left('metadata: expected an object, got []'),
    ]);
  });
});
