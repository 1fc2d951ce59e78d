// The shared contract suite against a real EventStoreDB / KurrentDB server, when
// EVENTSTORE_CONNECTION_STRING names one (see docs/eventstoredb.md); skipped, saying so, when not.
import { EventStoreDBClient } from '@eventstore/db-client';
import { describeEventStoreContract } from '@order-liability/store/testing';
import { eventStoreDBSubject } from './__fixtures__/contract-subject';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString === undefined || connectionString === '') {
  describe.skip('EventStore contract against a real EventStoreDB: skipped, EVENTSTORE_CONNECTION_STRING is not set', () => {
    it('runs the contract suite against the server EVENTSTORE_CONNECTION_STRING names', () =>
      undefined);
  });
} else {
  let rawClient: EventStoreDBClient;
  beforeAll(() => {
    rawClient = EventStoreDBClient.connectionString(connectionString);
  });
  afterAll(async () => {
    await rawClient.dispose();
  });

  // The server keeps what earlier runs wrote; the suite tags every stream per test.
  describeEventStoreContract(`EventStoreDBEventStore on ${connectionString}`, () =>
    eventStoreDBSubject(connectionString, rawClient),
  );
}
