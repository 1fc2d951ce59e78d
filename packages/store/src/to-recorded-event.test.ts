import * as E from 'fp-ts/Either';
import { EventStoreError } from './errors';
import type { RecordedEvent } from './port';
import { emptyUpcasters } from './upcasting';
import { decodeStoredEvent, type RawStoredEvent, toRecordedEvent } from './to-recorded-event';

const metadata = { eventId: 'e-1', recordedAt: '2026-03-12T10:00:00.000Z', schemaVersion: 1 };
const raw: RawStoredEvent = {
  streamId: 'order-4711',
  revision: 3n,
  position: { commit: 10n, prepare: 9n },
  type: 'Disputed',
  data: { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' },
  metadata,
};
const shippedV0 = {
  orderId: '4711',
  carrier: 'PostNord',
  trackingNo: 'PN-1',
  shippedAt: '2026-03-01T15:00:00Z',
  reportedAt: '2026-03-02T12:00:00Z',
};

const reasonOf = (stored: RawStoredEvent): unknown => {
  const result = toRecordedEvent(stored);
  return E.isLeft(result)
    ? [result.left.code, result.left.streamId, result.left.revision, result.left.message]
    : 'decoded';
};

describe('toRecordedEvent', () => {
  it('given a valid stored event, then it is the domain event with stream, revision, position and metadata', () => {
    expect(
      toRecordedEvent({
        ...raw,
        metadata: { ...metadata, correlationId: 'c-1', causationId: null, extra: 1 },
      }),
    ).toEqual(
      E.right({
        type: 'Disputed',
        data: { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' },
        streamId: 'order-4711',
        revision: 3n,
        position: { commit: 10n, prepare: 9n },
        metadata: { ...metadata, correlationId: 'c-1' },
      }),
    );
  });

  it('given a schema-0 ShippedWithTracking, then the default upcasters rename trackingNo; with no upcasters it is invalid', () => {
    const old = {
      ...raw,
      type: 'ShippedWithTracking',
      data: shippedV0,
      metadata: { ...metadata, schemaVersion: 0 },
    };

    const upcast = toRecordedEvent(old);
    const notUpcast = toRecordedEvent(old, emptyUpcasters);

    expect(E.map((event: { data: unknown }) => event.data)(upcast)).toEqual(
      E.right({
        orderId: '4711',
        carrier: 'PostNord',
        trackingNumber: 'PN-1',
        shippedAt: '2026-03-01T15:00:00Z',
        reportedAt: '2026-03-02T12:00:00Z',
      }),
    );
    expect(E.isLeft(notUpcast) ? notUpcast.left.message : 'decoded').toBe(
      'Invalid event in stream order-4711 at revision 3: data.trackingNumber: expected a non-empty text of at most 128 characters, got nothing',
    );
  });

  it('given an upcaster that throws, then the event is INVALID_EVENT saying which upcast failed', () => {
    const failing = emptyUpcasters.with('Disputed', 0, () => {
      throw new Error('no disputedAt in this old record');
    });

    const result = toRecordedEvent(
      { ...raw, metadata: { ...metadata, schemaVersion: 0 } },
      failing,
    );

    expect(E.isLeft(result) ? result.left.message : 'decoded').toBe(
      'Invalid event in stream order-4711 at revision 3: upcasting Disputed from schema version 0 failed: no disputedAt in this old record',
    );
  });

  const broken: readonly [string, unknown, string][] = [
    ['metadata that is not an object', 'meta', 'metadata: expected an object, got "meta"'],
    [
      'an empty eventId',
      { ...metadata, eventId: '' },
      'metadata.eventId: expected a non-empty text, got ""',
    ],
    [
      'a recordedAt off the calendar',
      { ...metadata, recordedAt: '2026-02-30T10:00:00Z' },
      'metadata.recordedAt: expected an ISO-8601 UTC time, got "2026-02-30T10:00:00Z"',
    ],
    [
      'a negative schemaVersion',
      { ...metadata, schemaVersion: -1 },
      'metadata.schemaVersion: expected a schema version, a whole number from 0 to 1, got -1',
    ],
    [
      'a schemaVersion given as text',
      { ...metadata, schemaVersion: '1' },
      'metadata.schemaVersion: expected a schema version, a whole number from 0 to 1, got "1"',
    ],
    [
      'an idempotencyKey that is a number',
      { ...metadata, idempotencyKey: 5 },
      'metadata.idempotencyKey: expected a text, got 5',
    ],
  ];
  it('given the parts of a stored event, valid or not, then decodeStoredEvent gives what toRecordedEvent wraps', () => {
    const cases: RawStoredEvent[] = [
      raw,
      { ...raw, metadata: { ...metadata, correlationId: 'c-1' } },
      {
        ...raw,
        type: 'ShippedWithTracking',
        data: shippedV0,
        metadata: { ...metadata, schemaVersion: 0 },
      },
      { ...raw, data: { orderId: '4711' } },
      ...broken.map(([, brokenMetadata]) => ({ ...raw, metadata: brokenMetadata })),
    ];
    const parts = (stored: RawStoredEvent): E.Either<EventStoreError, RecordedEvent> => {
      const decoded = decodeStoredEvent(
        stored.streamId,
        stored.revision,
        stored.position,
        stored.type,
        stored.data,
        stored.metadata,
      );
      return decoded instanceof EventStoreError ? E.left(decoded) : E.right(decoded);
    };

    expect(cases.map(parts)).toEqual(cases.map((stored) => toRecordedEvent(stored)));
    expect(cases.map(parts).map((decoded) => E.isRight(decoded))).toEqual([
      true,
      true,
      true,
      false,
      ...broken.map(() => false),
    ]);
  });

  for (const [what, brokenMetadata, reason] of broken)
    it(`given ${what}, then it is INVALID_EVENT naming stream, revision and reason`, () => {
      expect(reasonOf({ ...raw, metadata: brokenMetadata })).toEqual([
        'INVALID_EVENT',
        'order-4711',
        3n,
        `Invalid event in stream order-4711 at revision 3: ${reason}`,
      ]);
    });
});
