import { CommandRejectedError, handle, type RecordedEvent } from '@order-liability/store';
import { runScript } from './testing/child-process';
import {
  bookSettlement,
  concludeFraud,
  coveredLines,
  recordDispute,
  reportShipment,
  requestInformation,
  requestStop,
} from './testing/case-fixtures';
import { collect, labelOf } from './testing/collect';
import {
  createTestPool,
  createTestStore,
  type TestStore,
  testConnectionString,
} from './testing/test-database';

// Concurrency on the real database: the expected revision is decided by PostgreSQL (the
// stream row's lock), whatever the number of connections or processes writing.

const range = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

// Ten connections, so fifty commands really run side by side.
const pool = createTestPool(10);
// Fifty writers mostly re-read and decide again (about a thousand rounds): decoding takes a
// few seconds of CPU on a busy two-core machine.
const RACE_TIMEOUT_MS = 60_000;
let subject: TestStore;

beforeEach(async () => {
  subject = await createTestStore(pool, 'race');
});

afterEach(async () => {
  await subject.dispose();
});

afterAll(async () => {
  await pool.end();
});

const streamOf = (orderId: string): Promise<RecordedEvent[]> =>
  collect(subject.store.readStream(`order-${orderId}`));

describe('50 concurrent handle calls on one order through a pool of 10 connections', () => {
  it(
    'given a stopped order, when 50 information requests race, then all 50 are recorded once each at revisions 1..50',
    async () => {
      const { store } = subject;
      await handle(store, requestStop('race-1'));

      const results = await Promise.all(
        range(50).map((question) =>
          handle(store, requestInformation('race-1', question), { retries: 60 }),
        ),
      );
      const events = await streamOf('race-1');

      expect(events.map((event) => event.revision)).toEqual([0, ...range(50)].map(BigInt));
      expect(events.slice(1).map(labelOf).sort()).toEqual(
        range(50)
          .map((n) => `question ${n}`)
          .sort(),
      );
      expect(
        results.map((r) => r.nextExpectedRevision).sort((a, b) => Number(a) - Number(b)),
      ).toEqual(range(50).map(BigInt));
      expect(results.flatMap((r) => r.appended.map((e) => e.metadata.eventId)).sort()).toEqual(
        events
          .slice(1)
          .map((e) => e.metadata.eventId)
          .sort(),
      );
      // The writers really raced: some had to read and decide again.
      expect(results.some((r) => r.attempts > 1)).toBe(true);
    },
    RACE_TIMEOUT_MS,
  );

  it(
    'given a concluded fraud case, when 50 BookSettlement commands race, then exactly one settlement is booked and 49 are refused with ALREADY_SETTLED',
    async () => {
      const { store } = subject;
      for (const command of [
        requestStop('race-2'),
        reportShipment('race-2'),
        recordDispute('race-2'),
        concludeFraud('race-2'),
      ])
        await handle(store, command);
      const before = (await streamOf('race-2')).length;

      const outcomes = await Promise.allSettled(
        range(50).map(() => handle(store, bookSettlement('race-2'), { retries: 60 })),
      );
      const events = await streamOf('race-2');

      const booked = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const refused = outcomes.flatMap((o) =>
        o.status === 'rejected' && o.reason instanceof CommandRejectedError ? [o.reason.code] : [],
      );
      expect(booked.length).toBe(1);
      expect(refused).toEqual(range(49).map(() => 'ALREADY_SETTLED'));
      expect(events.length).toBe(before + 1);
      expect(events.filter((event) => event.type === 'SettlementBooked').length).toBe(1);
      expect(booked[0]?.decision.settlementLines).toEqual(coveredLines);
    },
    RACE_TIMEOUT_MS,
  );

  it('given one form submitted 10 times at once with the same key, then one dispute is recorded and every submission resolves with it, none after a conflict', async () => {
    const { store } = subject;
    await handle(store, requestStop('race-3'));

    const results = await Promise.all(
      range(10).map(() =>
        handle(store, recordDispute('race-3'), {
          idempotencyKey: 'form-submission-5',
          retries: 20,
        }),
      ),
    );
    const events = await streamOf('race-3');

    expect(events.map((event) => event.type)).toEqual(['StopRequested', 'Disputed']);
    // Each one either saw the key when it read (a duplicate) or appended the same event ids,
    // which the append function answers with the first append's result: never a conflict.
    expect(results.map((result) => result.attempts)).toEqual(range(10).map(() => 1));
    expect(results.map((result) => result.appended)).toEqual(range(10).map(() => [events[1]]));
  });
});

describe('two Node processes appending to the same stream', () => {
  it('given two writers that each try every revision 0..59 once, then each revision has exactly one winner and the stream holds exactly its writes', async () => {
    const revisions = 60;
    const writers = ['left', 'right'].map((writer) =>
      runScript('append-worker.ts', [
        testConnectionString(),
        subject.schema,
        'two-processes',
        writer,
        String(revisions),
      ]),
    );
    try {
      for (const writer of writers) expect(await writer.nextLine()).toBe('ready');
      for (const writer of writers) writer.send('go');
      const [left, right] = await Promise.all(
        writers.map(async (writer) => {
          const line = await writer.nextLine();
          const parsed: unknown = JSON.parse(line);
          return parsed;
        }),
      );
      const events = await streamOf('two-processes');

      const wonBy = (outcome: unknown): number[] => {
        const won: unknown =
          typeof outcome === 'object' && outcome !== null ? Reflect.get(outcome, 'won') : undefined;
        return Array.isArray(won) ? won.filter((n): n is number => typeof n === 'number') : [];
      };
      const leftWon = wonBy(left);
      const rightWon = wonBy(right);
      expect([...leftWon, ...rightWon].sort((a, b) => a - b)).toEqual(
        Array.from({ length: revisions }, (_, i) => i),
      );
      expect(leftWon.filter((revision) => rightWon.includes(revision))).toEqual([]);
      expect(events.map((event) => event.revision)).toEqual(
        Array.from({ length: revisions }, (_, i) => BigInt(i)),
      );
      // Every event after the first names the writer that won its revision.
      expect(events.slice(1).map(labelOf)).toEqual(
        events.slice(1).map((event) => {
          const revision = Number(event.revision);
          return `${leftWon.includes(revision) ? 'left' : 'right'} ${revision}`;
        }),
      );
      expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
    } finally {
      for (const writer of writers) writer.process.kill();
    }
  }, 30_000);
});
