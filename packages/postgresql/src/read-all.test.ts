import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PoolClient } from 'pg';
import { type Position, type RecordedEvent } from '@order-liability/store';
import { PostgreSQLEventStore } from './postgresql-event-store';
import { schemaName } from './schema-name';
import { statements } from './statements';
import { collect, codeOf, labelOf, rejectionOf } from './testing/collect';
import { informationRequested, stopRequested } from './testing/case-fixtures';
import { createTestPool, createTestStore, type TestStore } from './testing/test-database';

// readAll never skips an event, whatever order transactions commit in: it orders and
// checkpoints by (transaction id, position) and reads only transactions below the snapshot's
// xmin. The writers here are raw transactions calling the adapter's own append function, so a
// test decides when each one writes and commits.

const pool = createTestPool(12);
let subject: TestStore;

beforeEach(async () => {
  subject = await createTestStore(pool, 'all');
});

afterEach(async () => {
  await subject.dispose();
});

afterAll(async () => {
  await pool.end();
});

/** A store on the same schema whose readAll does not wait for open transactions: a poller. */
const poller = (): PostgreSQLEventStore =>
  new PostgreSQLEventStore(pool, { schema: subject.schema, readAllWaitMs: 0 });

const payload = (orderId: string, topic: string): string =>
  JSON.stringify([
    {
      eventId: randomUUID(),
      ...informationRequested(orderId, topic),
      metadata: { eventId: randomUUID(), recordedAt: '2026-03-11T09:00:00.000Z', schemaVersion: 1 },
    },
  ]);

interface Appended {
  readonly transactionId: bigint;
  readonly position: bigint;
}

/** Appends one event inside the client's open transaction, as the store would. */
const appendIn = async (client: PoolClient, orderId: string, topic: string): Promise<Appended> => {
  const { rows } = await client.query<Record<string, unknown>>(
    statements(schemaName(subject.schema)).append.text,
    [`order-${orderId}`, 'any', payload(orderId, topic)],
  );
  const row = rows[0];
  return {
    transactionId: BigInt(String(row?.['transaction_id'])),
    position: BigInt(String(row?.['global_position'])),
  };
};

/** Reads after `from`; returns the labels seen and the new checkpoint. */
const readFrom = async (
  store: PostgreSQLEventStore,
  from: Position | undefined,
): Promise<{ labels: string[]; checkpoint: Position | undefined }> => {
  const events = await collect(store.readAll(from === undefined ? {} : { fromPosition: from }));
  return { labels: events.map(labelOf), checkpoint: events[events.length - 1]?.position ?? from };
};

const withTwoTransactions = async (
  run: (a: PoolClient, b: PoolClient) => Promise<void>,
): Promise<void> => {
  const a = await pool.connect();
  const b = await pool.connect();
  try {
    await a.query('BEGIN');
    await b.query('BEGIN');
    await run(a, b);
  } finally {
    await a.query('ROLLBACK').catch(() => undefined);
    await b.query('ROLLBACK').catch(() => undefined);
    a.release();
    b.release();
  }
};

describe('readAll under out-of-order commits', () => {
  it('(1) given A takes the lower position and B the higher, when B commits first, then a reader between the commits sees neither, and resuming after A commits sees A then B, each once', async () => {
    await subject.store.appendToStream('order-before', [stopRequested('before')]);
    const reader = poller();
    let seen: string[] = [];
    let checkpoint: Position | undefined;
    let betweenCommits: string[] = [];
    let order: Appended[] = [];

    await withTwoTransactions(async (a, b) => {
      const first = await appendIn(a, 'A', 'A');
      const second = await appendIn(b, 'B', 'B');
      order = [first, second];
      await b.query('COMMIT');
      ({ labels: betweenCommits, checkpoint } = await readFrom(reader, undefined));
      seen = [...betweenCommits];
      await a.query('COMMIT');
    });
    const after = await readFrom(reader, checkpoint);
    seen.push(...after.labels);

    expect(order[0]!.position < order[1]!.position).toBe(true);
    expect(order[0]!.transactionId < order[1]!.transactionId).toBe(true);
    expect(betweenCommits).toEqual(['StopRequested']);
    expect(after.labels).toEqual(['A', 'B']);
    expect(seen).toEqual(['StopRequested', 'A', 'B']);
  });

  it('(1) control: a reader checkpointing by position alone, between the same commits, would skip A for ever', async () => {
    const naive = async (after: bigint): Promise<{ labels: string[]; last: bigint }> => {
      const { rows } = await pool.query<Record<string, unknown>>(
        `SELECT global_position::text AS p, data->>'topic' AS topic FROM "${subject.schema}".messages
         WHERE global_position > $1 ORDER BY global_position`,
        [after.toString()],
      );
      const last = rows[rows.length - 1]?.['p'];
      return {
        labels: rows.map((row) => String(row['topic'])),
        last: typeof last === 'string' ? BigInt(last) : after,
      };
    };
    let between: { labels: string[]; last: bigint } = { labels: [], last: 0n };
    await withTwoTransactions(async (a, b) => {
      await appendIn(a, 'A', 'A');
      await appendIn(b, 'B', 'B');
      await b.query('COMMIT');
      between = await naive(0n);
      await a.query('COMMIT');
    });
    const after = await naive(between.last);

    expect(between.labels).toEqual(['B']);
    expect(after.labels).toEqual([]);
  });

  it('(2) given A writes first (lower transaction id) but takes the higher position, when B commits first, then a reader between the commits sees neither, and resuming after A commits sees A then B, each once', async () => {
    await subject.store.appendToStream('order-before', [stopRequested('before')]);
    const reader = poller();
    let checkpoint: Position | undefined;
    let betweenCommits: string[] = [];
    let order: Appended[] = [];
    let firstWriteOfA = 0n;

    await withTwoTransactions(async (a, b) => {
      // A's first write fixes its transaction id (here without taking a position, as an
      // application writing its own tables before appending would).
      const { rows } = await a.query<Record<string, unknown>>(
        'SELECT pg_current_xact_id()::text AS id',
      );
      firstWriteOfA = BigInt(String(rows[0]?.['id']));
      const fromB = await appendIn(b, 'B', 'B');
      const fromA = await appendIn(a, 'A', 'A');
      order = [fromA, fromB];
      await b.query('COMMIT');
      ({ labels: betweenCommits, checkpoint } = await readFrom(reader, undefined));
      await a.query('COMMIT');
    });
    const after = await readFrom(reader, checkpoint);

    expect(order[0]!.transactionId).toBe(firstWriteOfA);
    expect(order[0]!.transactionId < order[1]!.transactionId).toBe(true);
    expect(order[0]!.position > order[1]!.position).toBe(true);
    expect(betweenCommits).toEqual(['StopRequested']);
    expect(after.labels).toEqual(['A', 'B']);
    expect([...betweenCommits, ...after.labels]).toEqual(['StopRequested', 'A', 'B']);
  });

  it('given a transaction open and no commit behind it, when a default readAll runs, then it does not wait and yields what was committed', async () => {
    await subject.store.appendToStream('order-before', [stopRequested('before')]);
    let labels: string[] = [];
    await withTwoTransactions(async (a) => {
      await appendIn(a, 'A', 'A');
      labels = (await collect(subject.store.readAll())).map(labelOf);
    });

    expect(labels).toEqual(['StopRequested']);
  });

  it('given a transaction open when a default readAll begins, then the read waits for it and yields its events and those committed behind it', async () => {
    let labels: string[] = [];
    await withTwoTransactions(async (a, b) => {
      await appendIn(a, 'A', 'A');
      await appendIn(b, 'B', 'B');
      await b.query('COMMIT');
      const reading = collect(subject.store.readAll());
      await sleep(50);
      await a.query('COMMIT');
      labels = (await reading).map(labelOf);
    });

    expect(labels).toEqual(['A', 'B']);
  });

  it('given a transaction that stays open longer than readAllWaitMs with a commit behind it, then readAll rejects with STORE_UNAVAILABLE after yielding what is final', async () => {
    const impatient = new PostgreSQLEventStore(pool, { schema: subject.schema, readAllWaitMs: 30 });
    await subject.store.appendToStream('order-before', [stopRequested('before')]);
    const seen: string[] = [];
    let error: unknown;
    await withTwoTransactions(async (a, b) => {
      await appendIn(a, 'A', 'A');
      await appendIn(b, 'B', 'B');
      await b.query('COMMIT');
      error = await rejectionOf(
        (async () => {
          for await (const event of impatient.readAll()) seen.push(labelOf(event));
        })(),
      );
    });

    expect(seen).toEqual(['StopRequested']);
    expect(codeOf(error)).toBe('STORE_UNAVAILABLE');
  });

  it('given 8 writers committing 10 transactions each in random order while a poller reads from its checkpoint, then the poller sees every event exactly once', async () => {
    const reader = poller();
    const seen: string[] = [];
    let checkpoint: Position | undefined;
    const progress = { writing: true };
    const polling = (async () => {
      for (;;) {
        const done = !progress.writing;
        const next = await readFrom(reader, checkpoint);
        seen.push(...next.labels);
        checkpoint = next.checkpoint;
        if (done) return;
        await sleep(2);
      }
    })();
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let n = 0; n < 10; n += 1) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          if (n % 2 === 0) await client.query('SELECT pg_current_xact_id()');
          await sleep((writer * 7 + n * 3) % 5);
          await appendIn(client, `w${writer}`, `w${writer}-${n}`);
          await sleep((writer * 3 + n * 5) % 7);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }
    });
    await Promise.all(writers);
    progress.writing = false;
    await polling;

    const expected = Array.from({ length: 8 }, (_, w) =>
      Array.from({ length: 10 }, (__, n) => `w${w}-${n}`),
    ).flat();
    expect([...seen].sort()).toEqual(expected.sort());
    expect(seen.length).toBe(80);
  });
});

describe('readAll in pages', () => {
  it('given 25 appends across 3 streams, when read with a page size of 4, then every event comes once in append order, and from any position only those after it', async () => {
    const store = new PostgreSQLEventStore(pool, { schema: subject.schema, pageSize: 4 });
    const written: string[] = [];
    for (let n = 0; n < 25; n += 1) {
      const topic = `q${n}`;
      await store.appendToStream(`order-${n % 3}`, [informationRequested(String(n % 3), topic)]);
      written.push(topic);
    }
    await store.appendToStream('$system', [informationRequested('sys', 'system')]);

    const all: RecordedEvent[] = await collect(store.readAll());
    const fromTenth = await collect(store.readAll({ fromPosition: all[9]!.position }));
    const threeFromTenth = await collect(
      store.readAll({ fromPosition: all[9]!.position, maxCount: 3 }),
    );

    expect(all.map(labelOf)).toEqual(written);
    expect(fromTenth.map(labelOf)).toEqual(written.slice(10));
    expect(threeFromTenth.map(labelOf)).toEqual(written.slice(10, 13));
  });

  it('given one append of 7 events, then they share a transaction id and have increasing positions in revision order', async () => {
    const events = Array.from({ length: 7 }, (_, n) => informationRequested('one', `e${n}`));
    const result = await subject.store.appendToStream('order-one', events);
    const read = await collect(subject.store.readAll());

    expect(new Set(read.map((event) => event.position.commit)).size).toBe(1);
    expect(read.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n]);
    expect(read.map((event) => event.position.prepare)).toEqual(
      read.map((event) => read[0]!.position.prepare + event.revision),
    );
    expect(result.position).toEqual(read[6]!.position);
  });
});
