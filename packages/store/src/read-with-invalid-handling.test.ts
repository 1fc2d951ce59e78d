import type { EventStoreError } from './errors';
import type { RecordedEvent } from './port';
import { readWithInvalidHandling } from './read-with-invalid-handling';
import type { RawStoredEvent } from './to-recorded-event';

const stored = (revision: bigint, data: unknown): RawStoredEvent => ({
  streamId: 'order-4711',
  revision,
  position: { commit: revision + 1n, prepare: revision + 1n },
  type: 'Disputed',
  data,
  metadata: { eventId: `e-${revision}`, recordedAt: '2026-03-12T10:00:00.000Z', schemaVersion: 1 },
});
const valid = { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' };
const raws = [stored(0n, valid), stored(1n, { orderId: '4711' }), stored(2n, valid)];

async function* slowly(events: readonly RawStoredEvent[]): AsyncGenerator<RawStoredEvent> {
  for (const event of events) {
    await Promise.resolve();
    yield event;
  }
}

const drain = async (events: AsyncIterable<RecordedEvent>) => {
  const revisions: bigint[] = [];
  try {
    for await (const event of events) revisions.push(event.revision);
  } catch (error) {
    return { revisions, error };
  }
  return { revisions, error: undefined };
};

describe('readWithInvalidHandling', () => {
  it.each([
    ['a list', raws],
    ['an async source', slowly(raws)],
  ])(
    'given %s with an invalid event and no handler, then it yields the events before it and rejects with INVALID_EVENT',
    async (_, source) => {
      const { revisions, error } = await drain(readWithInvalidHandling(source));

      expect(revisions).toEqual([0n]);
      expect(error).toMatchObject({ code: 'INVALID_EVENT', streamId: 'order-4711', revision: 1n });
    },
  );

  it('given a handler, then the invalid event is reported once and skipped', async () => {
    const reported: EventStoreError[] = [];

    const { revisions, error } = await drain(
      readWithInvalidHandling(slowly(raws), { onInvalidEvent: (e) => reported.push(e) }),
    );

    expect([revisions, error]).toEqual([[0n, 2n], undefined]);
    expect(reported.map((e) => [e.code, e.revision, e.message])).toEqual([
      [
        'INVALID_EVENT',
        1n,
        'Invalid event in stream order-4711 at revision 1: data.disputedAt: expected an ISO-8601 UTC time such as 2026-03-01T10:00:00Z, got nothing',
      ],
    ]);
  });
});
