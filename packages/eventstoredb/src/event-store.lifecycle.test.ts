// Connection lifecycle and failures of the adapter over the protocol test double.
import { EventStoreDBClient } from '@eventstore/db-client';
import { isEventStoreError, type RecordedEvent } from '@order-liability/store';
import { EventStoreDBEventStore } from './event-store';
import { startEventStoreDBTestServer, type EventStoreDBTestServer } from './test-server/server';
import { caseCommands } from './__fixtures__/case-commands';

const stopRequested = (orderId: string) => ({
  type: 'StopRequested',
  data: caseCommands(orderId).requestStop.data,
});
const disputed = (orderId: string, day: number) => ({
  type: 'Disputed',
  data: { orderId, disputedAt: `2026-03-${String(day).padStart(2, '0')}T08:30:00Z` },
});

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
    return 'resolved';
  } catch (error) {
    return isEventStoreError(error) ? error.code : `not an EventStoreError: ${String(error)}`;
  }
};

const drain = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
};

const fillStream = async (store: EventStoreDBEventStore, orderId: string): Promise<void> => {
  await store.appendToStream(`order-${orderId}`, [
    stopRequested(orderId),
    ...Array.from({ length: 25 }, (_, day) => disputed(orderId, day + 1)),
  ]);
};

describe('EventStoreDBEventStore lifecycle', () => {
  let server: EventStoreDBTestServer;
  beforeEach(async () => {
    server = await startEventStoreDBTestServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('refuses a connection string that is not one with a TypeError that does not repeat it', () => {
    expect(() => new EventStoreDBEventStore('esdb://ops:s3cret@node1:2113?tls=maybe')).toThrow(
      new TypeError(
        'connectionString: expected an EventStoreDB connection string such as esdb://localhost:2113?tls=false (Unexpected … at position 33, expected true or false.).',
      ),
    );
  });

  it('closes promptly after a reader broke out of a read early, or stopped at maxCount', async () => {
    const store = new EventStoreDBEventStore(server.connectionString);
    await fillStream(store, 'early');
    const seen: bigint[] = [];
    for await (const event of store.readStream('order-early')) {
      seen.push(event.revision);
      break;
    }
    for await (const event of store.readAll()) {
      seen.push(event.revision);
      break;
    }
    for (const event of await drain(store.readAll({ maxCount: 1 }))) seen.push(event.revision);
    await store.close();
    expect(seen).toEqual([0n, 0n, 0n]);
  });

  it('ends a read still running when closed, with STORE_UNAVAILABLE', async () => {
    const store = new EventStoreDBEventStore(server.connectionString);
    await fillStream(store, 'running');
    const iterator = store.readStream('order-running')[Symbol.asyncIterator]();
    const first = await iterator.next();
    await store.close();

    expect(first.done).toBe(false);
    expect(await codeOf(iterator.next())).toBe('STORE_UNAVAILABLE');
  });

  it('leaves a client it was given open on close', async () => {
    const client = EventStoreDBClient.connectionString(server.connectionString);
    const store = new EventStoreDBEventStore(client);
    await fillStream(store, 'shared');
    await store.close();
    const after = await client.appendToStream('order-shared', []);

    expect(await codeOf(store.appendToStream('order-shared', [disputed('shared', 28)]))).toBe(
      'STORE_UNAVAILABLE',
    );
    expect(after.nextExpectedRevision).toBe(25n);
    await client.dispose();
  });

  it('maps a stopped server to STORE_UNAVAILABLE for appends, reads and subscriptions', async () => {
    const store = new EventStoreDBEventStore(server.connectionString);
    await fillStream(store, 'gone');
    const subscription = store.subscribeToAll();
    const live = drain(subscription);
    await subscription.caughtUp;
    await server.stop();

    const codes = [
      await codeOf(live),
      await codeOf(store.appendToStream('order-gone', [disputed('gone', 28)])),
      await codeOf(drain(store.readStream('order-gone'))),
      await codeOf(drain(store.readAll())),
    ];
    await store.close();
    expect(codes).toEqual([
      'STORE_UNAVAILABLE',
      'STORE_UNAVAILABLE',
      'STORE_UNAVAILABLE',
      'STORE_UNAVAILABLE',
    ]);
  });
});
