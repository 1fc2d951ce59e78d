// Issue 8's reliability scenarios through the adapter over the protocol test double.
import { describeStoreScenarios } from '@order-liability/store/testing';
import { EventStoreDBEventStore } from './event-store';
import { type EventStoreDBTestServer, startEventStoreDBTestServer } from './test-server/server';

let server: EventStoreDBTestServer;

beforeAll(async () => {
  server = await startEventStoreDBTestServer();
});
afterAll(async () => {
  await server.stop();
});

describeStoreScenarios('EventStoreDB adapter over the protocol test double', () => {
  server.reset();
  const store = new EventStoreDBEventStore(server.connectionString);
  return { store, dispose: () => store.close() };
});
