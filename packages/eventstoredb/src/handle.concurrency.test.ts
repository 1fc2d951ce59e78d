// The command handler racing itself on one order through the adapter over the protocol test
// double: every conflict is retried, nothing is lost, nothing is booked twice.
import { handle, isCommandRejectedError, type HandleResult } from '@order-liability/store';
import { EventStoreDBEventStore } from './event-store';
import { startEventStoreDBTestServer, type EventStoreDBTestServer } from './test-server/server';
import { caseCommands } from './__fixtures__/case-commands';

const RACERS = 50;
// Each round of a race lets at least one writer through, so 50 writers need at most 49 retries.
const RETRIES = RACERS;
// Up to 1,275 read-decide-append attempts per race over gRPC: about 35 s alone, over 60 s on
// two shared cores while the rest of the suite runs. A limit for a hung test, not a speed check.
const RACE_TIMEOUT_MS = 180_000;

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

const readTypes = async (streamName: string): Promise<string[]> => {
  const types: string[] = [];
  for await (const event of store.readStream(streamName)) types.push(event.type);
  return types;
};

const racers = Array.from({ length: RACERS }, (_, i) => i + 1);

describe('handle: 50 concurrent commands on one order over EventStoreDB', () => {
  const commands = caseCommands('race-4711');

  it(
    'records every one of 50 concurrent information requests exactly once, at consecutive revisions',
    async () => {
      for (const command of [
        commands.requestStop,
        commands.reportShipment,
        commands.recordDispute,
      ]) {
        await handle(store, command);
      }
      const results = await Promise.all(
        racers.map((question) =>
          handle(store, commands.requestInformation(question), { retries: RETRIES }),
        ),
      );
      const topics: string[] = [];
      const revisions: bigint[] = [];
      for await (const event of store.readStream('order-race-4711', { fromRevision: 4n })) {
        if (event.type === 'InformationRequested') topics.push(event.data.topic ?? '');
        revisions.push(event.revision);
      }

      expect(results.map((result) => result.appended.length)).toEqual(racers.map(() => 1));
      expect([...topics].sort()).toEqual(racers.map((question) => `question ${question}`).sort());
      expect(revisions).toEqual(racers.map((question) => BigInt(question + 3)));
      expect(
        results.map(
          (result) =>
            result.appended[0]?.type === 'InformationRequested' && result.appended[0].data.topic,
        ),
      ).toEqual(racers.map((question) => `question ${question}`));
    },
    RACE_TIMEOUT_MS,
  );

  it(
    'books the settlement once when 50 clerks book it at the same time; the others are refused with ALREADY_SETTLED',
    async () => {
      await handle(store, commands.concludeFraud);
      const outcomes = await Promise.allSettled(
        racers.map((clerk) => handle(store, commands.bookSettlement(clerk), { retries: RETRIES })),
      );
      const booked = outcomes.flatMap((o): HandleResult[] =>
        o.status === 'fulfilled' ? [o.value] : [],
      );
      const refused = outcomes.flatMap((o) =>
        o.status === 'rejected'
          ? [isCommandRejectedError(o.reason) ? o.reason.code : String(o.reason)]
          : [],
      );
      const types = await readTypes('order-race-4711');

      expect(booked).toHaveLength(1);
      expect(booked[0]?.decision.status).toBe('settled');
      expect(refused).toEqual(racers.slice(1).map(() => 'ALREADY_SETTLED'));
      expect(types.filter((type) => type === 'SettlementBooked')).toHaveLength(1);
      expect(types).toHaveLength(4 + RACERS + 2);
    },
    RACE_TIMEOUT_MS,
  );
});
