import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { isEventStoreError } from '@order-liability/store';
import { PostgreSQLEventStore } from './postgresql-event-store';
import { codeOf, collect, labelOf, rejectionOf } from './testing/collect';
import { informationRequested, stopRequested } from './testing/case-fixtures';
import {
  createTestPool,
  createTestStore,
  type TestStore,
  testConnectionString,
} from './testing/test-database';

const pool = createTestPool(10);
let subject: TestStore;

beforeEach(async () => {
  subject = await createTestStore(pool, 'append');
});

afterEach(async () => {
  await subject.dispose();
});

afterAll(async () => {
  await pool.end();
});

const withId = (event: ReturnType<typeof stopRequested>, eventId: string) => ({
  ...event,
  metadata: { eventId },
});

describe('appendToStream on PostgreSQL', () => {
  it('given an append whose reply was lost, when it is retried expecting a revision that no longer holds, then it resolves with the original result and stores nothing more', async () => {
    const { store } = subject;
    const ids = [randomUUID(), randomUUID()];
    const events = [
      withId(stopRequested('r'), ids[0]!),
      withId(informationRequested('r', 'q'), ids[1]!),
    ];
    const first = await store.appendToStream('order-r', events, { expectedRevision: 'no-stream' });
    await store.appendToStream('order-r', [informationRequested('r', 'later')]);

    const retried = await store.appendToStream('order-r', events, {
      expectedRevision: 'no-stream',
    });
    const stored = await collect(store.readStream('order-r'));

    expect(retried).toEqual(first);
    expect(stored.map(labelOf)).toEqual(['StopRequested', 'q', 'later']);
  });

  it('given an event id stored in another stream, when appended again, then it rejects with INVALID_EVENT and writes nothing', async () => {
    const { store } = subject;
    const id = randomUUID();
    await store.appendToStream('order-a', [withId(stopRequested('a'), id)]);

    const error = await rejectionOf(
      store.appendToStream('order-b', [withId(stopRequested('b'), id)]),
    );

    expect(codeOf(error)).toBe('INVALID_EVENT');
    expect(isEventStoreError(error) ? error.streamId : undefined).toBe('order-b');
    expect(await rejectionOf(collect(store.readStream('order-b')))).toMatchObject({
      code: 'STREAM_NOT_FOUND',
    });
  });

  it('given the first event of an append stored and the second not, when appended, then the expected revision is checked first and then it rejects with INVALID_EVENT', async () => {
    const { store } = subject;
    const id = randomUUID();
    await store.appendToStream('order-p', [withId(stopRequested('p'), id)]);
    const partial = [withId(stopRequested('p'), id), informationRequested('p', 'new')];

    const conflict = await rejectionOf(
      store.appendToStream('order-p', partial, { expectedRevision: 5n }),
    );
    const refused = await rejectionOf(
      store.appendToStream('order-p', partial, { expectedRevision: 0n }),
    );

    expect(codeOf(conflict)).toBe('WRONG_EXPECTED_VERSION');
    expect(codeOf(refused)).toBe('INVALID_EVENT');
    expect((await collect(store.readStream('order-p'))).length).toBe(1);
  });

  it('given 10 writers creating one new stream at once expecting no-stream, then exactly one succeeds and nine fail with actual 0n', async () => {
    const { store } = subject;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        store.appendToStream('order-new', [informationRequested('new', `writer ${n}`)], {
          expectedRevision: 'no-stream',
        }),
      ),
    );

    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' && isEventStoreError(outcome.reason)
        ? [[outcome.reason.code, outcome.reason.expected, outcome.reason.actual]]
        : [],
    );
    expect(won.length).toBe(1);
    expect(lost).toEqual(
      Array.from({ length: 9 }, () => ['WRONG_EXPECTED_VERSION', 'no-stream', 0n]),
    );
    expect((await collect(store.readStream('order-new'))).length).toBe(1);
  });

  it('given text with a NUL character in the data, then it rejects with INVALID_EVENT naming the stream', async () => {
    const error = await rejectionOf(
      subject.store.appendToStream('order-nul', [informationRequested('nul', 'a\u0000b')]),
    );

    expect(codeOf(error)).toBe('INVALID_EVENT');
    expect(isEventStoreError(error) ? error.streamId : undefined).toBe('order-nul');
  });

  it('given a stream name with a NUL character, then append and read reject with a TypeError', async () => {
    const append = await rejectionOf(
      subject.store.appendToStream('order-\u0000', [stopRequested('x')]),
    );
    const read = await rejectionOf(collect(subject.store.readStream('order-\u0000')));

    expect(append).toBeInstanceOf(TypeError);
    expect(read).toBeInstanceOf(TypeError);
  });

  it.each([
    [{ pageSize: 0 }],
    [{ pageSize: 1.5 }],
    [{ readAllWaitMs: -1 }],
    [{ poolSize: 0 }],
    [{ schema: 'Robert"); DROP TABLE students;--' }],
  ])(
    'given the options %j, then the constructor throws INVALID_OPTIONS and makes no pool',
    (options) => {
      let error: unknown;
      try {
        new PostgreSQLEventStore(testConnectionString(), options);
      } catch (thrown) {
        error = thrown;
      }
      expect(codeOf(error)).toBe('INVALID_OPTIONS');
    },
  );

  it('given a store made from a connection string, when closed, then its own pool is ended, every method rejects with STORE_UNAVAILABLE, and the pool passed to another store is left open', async () => {
    const owned = new PostgreSQLEventStore(testConnectionString(), { schema: subject.schema });
    const borrowed = new Pool({ connectionString: testConnectionString(), max: 1 });
    const onBorrowed = new PostgreSQLEventStore(borrowed, { schema: subject.schema });
    try {
      await owned.appendToStream('order-c', [stopRequested('c')]);
      await owned.close();
      await owned.close();
      await onBorrowed.close();

      const errors = [
        await rejectionOf(owned.appendToStream('order-c', [stopRequested('c')])),
        await rejectionOf(collect(owned.readStream('order-c'))),
        await rejectionOf(collect(owned.readAll())),
        await rejectionOf(owned.migrate()),
      ];
      expect(errors.map(codeOf)).toEqual(Array.from({ length: 4 }, () => 'STORE_UNAVAILABLE'));
      const { rows } = await borrowed.query<Record<string, unknown>>('SELECT 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await borrowed.end();
    }
  });
});
