// The shared contract suite, unchanged, against the adapter on @kurrent/kurrentdb-client 1.x
// over the protocol test double, which runs in a process of its own (see
// __fixtures__/test-server-process.ts). Nothing here loads @eventstore/db-client.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
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
