// Issue 8: 200 concurrent commands over 20 orders through the handler on the adapter over the
// protocol test double.
import { runConcurrentCommands } from '@order-liability/store';
import { EventStoreDBEventStore } from './event-store';
import { type EventStoreDBTestServer, startEventStoreDBTestServer } from './test-server/server';

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

describe('200 concurrent commands over 20 orders on EventStoreDB', () => {
  it('stores every accepted command once, books one settlement per order, equals a serial replay', async () => {
    expect(await runConcurrentCommands(store, { prefix: 'esdb-waves' })).toEqual({
      commands: 200,
      accepted: 180,
      refused: 20,
      failed: [],
      notExactlyOnce: [],
      unaccounted: [],
      bookedTwice: [],
      differsFromSerialReplay: [],
      settled: 20,
    });
  }, 120_000);

  it('all at once: nothing lost, nothing twice, equal to a serial replay', async () => {
    const report = await runConcurrentCommands(store, { prefix: 'esdb-once', waves: false });
    expect([
      report.commands,
      report.accepted + report.refused,
      report.failed,
      report.notExactlyOnce,
      report.unaccounted,
      report.bookedTwice,
      report.differsFromSerialReplay,
    ]).toEqual([200, 200, [], [], [], [], []]);
  }, 120_000);
});
