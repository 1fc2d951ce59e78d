// The shared contract suite, unchanged, against the adapter over the protocol test double.
import { EventStoreDBClient } from '@eventstore/db-client';
import { describeEventStoreContract } from '@order-liability/store/testing';
import { startEventStoreDBTestServer, type EventStoreDBTestServer } from './test-server/server';
import { eventStoreDBSubject } from './__fixtures__/contract-subject';

let server: EventStoreDBTestServer;
let rawClient: EventStoreDBClient;

beforeAll(async () => {
  server = await startEventStoreDBTestServer();
  rawClient = EventStoreDBClient.connectionString(server.connectionString);
});
afterAll(async () => {
  await rawClient.dispose();
  await server.stop();
});

describeEventStoreContract('EventStoreDBEventStore over the protocol test double', () => {
  server.reset();
  return eventStoreDBSubject(server.connectionString, rawClient);
});
