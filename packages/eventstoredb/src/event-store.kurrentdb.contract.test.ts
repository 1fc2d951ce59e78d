// The shared contract suite, unchanged, against the adapter on @kurrent/kurrentdb-client 1.x
// over the protocol test double, which runs in a process of its own (see
// __fixtures__/test-server-process.ts). Nothing here loads @eventstore/db-client.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { isEventStoreError } from '@order-liability/store';
import { describeEventStoreContract } from '@order-liability/store/testing';
import { EventStoreDBEventStore } from './event-store';
import { caseCommands } from './__fixtures__/case-commands';
import { kurrentDBSubject } from './__fixtures__/kurrentdb-contract-subject';
import {
  startSeparateTestServer,
  type SeparateTestServer,
} from './__fixtures__/separate-test-server';

let server: SeparateTestServer;
let connectionString: string;
let rawClient: KurrentDBClient;

beforeAll(async () => {
  server = await startSeparateTestServer();
  connectionString = `kurrentdb://127.0.0.1:${server.port}?tls=false`;
  rawClient = KurrentDBClient.connectionString(connectionString);
}, 30_000);
afterAll(async () => {
  await rawClient.dispose();
  await server.stop();
});

// Like a real server, the double keeps what earlier tests wrote; the suite tags every stream.
describeEventStoreContract(
  'EventStoreDBEventStore on KurrentDBClient over the protocol test double',
  () => kurrentDBSubject(connectionString, rawClient),
);

describe('EventStoreDBEventStore given a KurrentDBClient', () => {
  it('appends and reads through it, and leaves it open on close()', async () => {
    const store = new EventStoreDBEventStore(rawClient);
    const streamName = `order-given-${Date.now()}`;
    const appended = await store.appendToStream(
      streamName,
      [{ type: 'StopRequested', data: caseCommands('given').requestStop.data }],
      { expectedRevision: 'no-stream' },
    );
    const types: string[] = [];
    for await (const event of store.readStream(streamName)) types.push(event.type);
    await store.close();
    const after = await rawClient.readStream(streamName).next();
    expect({ revision: appended.nextExpectedRevision, types, stillOpen: after.done }).toEqual({
      revision: 0n,
      types: ['StopRequested'],
      stillOpen: false,
    });
  });

  it('refuses a client name it does not know', () => {
    const options: unknown = { client: 'mongodb' };
    expect(() => {
      Reflect.construct(EventStoreDBEventStore, [connectionString, options]);
    }).toThrow(new TypeError("client: expected 'kurrentdb' or 'eventstoredb'."));
  });
});

describe('EventStoreDBEventStore on KurrentDBClient: reads through the native bridge', () => {
  const fill = async (store: EventStoreDBEventStore, streamName: string): Promise<void> => {
    await store.appendToStream(streamName, [
      { type: 'StopRequested', data: caseCommands('bridge').requestStop.data },
      ...Array.from({ length: 5 }, (_, day) => ({
        type: 'Disputed',
        data: { orderId: 'bridge', disputedAt: `2026-03-0${String(day + 1)}T08:30:00Z` },
      })),
    ]);
  };

  it('closes promptly after a reader broke out of a read early', async () => {
    const store = new EventStoreDBEventStore(connectionString);
    const streamName = `order-early-${Date.now()}`;
    await fill(store, streamName);
    const seen: bigint[] = [];
    for await (const event of store.readStream(streamName)) {
      seen.push(event.revision);
      break;
    }
    for await (const event of store.readAll()) {
      seen.push(event.revision);
      break;
    }
    await store.close();
    expect(seen).toEqual([0n, 0n]);
  });

  it('ends a read still running when closed, with STORE_UNAVAILABLE', async () => {
    const store = new EventStoreDBEventStore(connectionString);
    const streamName = `order-running-${Date.now()}`;
    await fill(store, streamName);
    const iterator = store.readStream(streamName)[Symbol.asyncIterator]();
    const first = await iterator.next();
    await store.close();
    const code = await iterator.next().then(
      () => 'resolved',
      (error: unknown) => (isEventStoreError(error) ? error.code : String(error)),
    );
    expect({ first: first.done, code }).toEqual({ first: false, code: 'STORE_UNAVAILABLE' });
  });

  it('subscribes to $all: past events, caught up, then live ones', async () => {
    const store = new EventStoreDBEventStore(connectionString);
    const streamName = `order-live-${Date.now()}`;
    await fill(store, streamName);
    const subscription = store.subscribeToAll({ streamNamePrefix: streamName });
    const iterator = subscription[Symbol.asyncIterator]();
    const past: bigint[] = [];
    for (let i = 0; i < 6; i += 1) {
      const next = await iterator.next();
      if (!next.done) past.push(next.value.revision);
    }
    // The sixth event counts as handled once the consumer asks for the next one.
    const pending = iterator.next();
    await subscription.caughtUp;
    await store.appendToStream(streamName, [
      { type: 'Disputed', data: { orderId: 'bridge', disputedAt: '2026-03-09T08:30:00Z' } },
    ]);
    const live = await pending;
    await subscription.stop();
    await store.close();
    expect({ past, live: live.done ? 'ended' : live.value.revision }).toEqual({
      past: [0n, 1n, 2n, 3n, 4n, 5n],
      live: 6n,
    });
  });
});
