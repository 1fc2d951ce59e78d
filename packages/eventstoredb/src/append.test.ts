// Appends with caller-given event ids over the protocol test double: the port's retry rule,
// which the adapter checks itself.
import { randomUUID } from 'node:crypto';
import { isEventStoreError } from '@order-liability/store';
import { EventStoreDBEventStore } from './event-store';
import { startEventStoreDBTestServer, type EventStoreDBTestServer } from './test-server/server';

let server: EventStoreDBTestServer;
let store: EventStoreDBEventStore;

beforeAll(async () => {
  server = await startEventStoreDBTestServer();
  store = new EventStoreDBEventStore(server.connectionString);
});
afterAll(async () => {
  await store.close();
  await server.stop();
});

const disputed = (eventId: string, day: number) => ({
  type: 'Disputed',
  data: { orderId: 'retry-1', disputedAt: `2026-03-${String(day).padStart(2, '0')}T08:30:00Z` },
  metadata: { eventId },
});

const failureOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return 'resolved';
  } catch (error) {
    return isEventStoreError(error)
      ? { code: error.code, expected: error.expected, actual: error.actual }
      : String(error);
  }
};

describe('appendToStream with caller-given event ids', () => {
  it('answers a retry from the stream whatever revision it expects now, and writes nothing', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const first = await store.appendToStream('order-retry-1', [disputed(a, 1), disputed(b, 2)]);
    await store.appendToStream('order-retry-1', [disputed(c, 3)], { expectedRevision: 1n });
    const retried = await store.appendToStream('order-retry-1', [disputed(a, 1), disputed(b, 2)], {
      expectedRevision: 2n,
    });
    const revisions: bigint[] = [];
    for await (const event of store.readStream('order-retry-1')) revisions.push(event.revision);

    expect(retried).toEqual(first);
    expect(revisions).toEqual([0n, 1n, 2n]);
  });

  it('refuses an append of which only some ids are stored: INVALID_EVENT, or the conflict first', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await store.appendToStream('order-retry-2', [disputed(a, 1)]);

    expect(
      await Promise.all([
        failureOf(store.appendToStream('order-retry-2', [disputed(a, 1), disputed(b, 2)])),
        failureOf(
          store.appendToStream('order-retry-2', [disputed(b, 2), disputed(a, 1)], {
            expectedRevision: 5n,
          }),
        ),
      ]),
    ).toEqual([
      { code: 'INVALID_EVENT', expected: undefined, actual: undefined },
      { code: 'WRONG_EXPECTED_VERSION', expected: 5n, actual: 0n },
    ]);
  });
});

describe('subscribeToAll options', () => {
  it('refuses a bad position, prefix or handler with a TypeError', () => {
    const bad: unknown[] = [
      { fromPosition: { commit: 1, prepare: 1 } },
      { streamNamePrefix: '' },
      { onInvalidEvent: 'log' },
    ];
    expect(
      bad.map((options) => {
        try {
          // Deliberately ill-typed input, as a JavaScript caller might pass it.
          store.subscribeToAll(Object.assign({}, options));
          return 'accepted';
        } catch (error) {
          return error instanceof TypeError ? error.message : String(error);
        }
      }),
    ).toEqual([
      'fromPosition: expected a position { commit, prepare } of bigints, as read.',
      'streamNamePrefix: expected a non-empty text such as order-.',
      'onInvalidEvent: expected a function.',
    ]);
  });
});
