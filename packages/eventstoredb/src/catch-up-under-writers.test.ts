// Issue 8: a catch-up reader following readAll while 8 writers append through the adapter over
// the protocol test double, with and without random pauses between appends.
import { setTimeout as sleep } from 'node:timers/promises';
import { runCatchUpUnderWriters } from '@order-liability/store';
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

const clean = { written: 80, seen: 80, missed: [], duplicated: [], outOfOrder: [] };

describe('a catch-up reader while 8 writers append to EventStoreDB', () => {
  it('sees every event exactly once, each stream in revision order', async () => {
    expect(await runCatchUpUnderWriters(store, { prefix: 'plain' })).toEqual(clean);
  }, 60_000);

  it('also with random pauses between appends', async () => {
    let n = 0;
    const pause = () => sleep((n++ * 7) % 5);
    expect(await runCatchUpUnderWriters(store, { prefix: 'paused', pause })).toEqual(clean);
  }, 60_000);
});
