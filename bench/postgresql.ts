// PostgreSQL benchmark (issue 6): appends and reads through PostgreSQLEventStore against the
// same rows written and read with bare `pg` statements, on an embedded server started for this
// run (fsync off: both sides pay the same, and the figures measure the adapter, not the disk).
// Figures, not assertions. The bare side writes into a table of the same shape and indexes
// (CREATE TABLE … LIKE messages INCLUDING ALL) with one INSERT … SELECT FROM unnest(…) per
// batch, and checks nothing: no validation, no stream lock, no expected revision, no retry
// detection. It reads with keyset pages by position and decodes nothing. Since issue 12 the
// adapter also appends the same batches with UUIDv4 ids given (what it generated before), side
// by side with its UUIDv7 default.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@order-liability/store';
import { Pool, PostgreSQLEventStore } from '@order-liability/postgresql';
import { startEmbeddedPostgres } from '@order-liability/postgresql/testing';
import type { BenchPart } from './section';

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

const timeAsync = async (work: () => Promise<void>): Promise<number> => {
  const start = process.hrtime.bigint();
  await work();
  return seconds(start);
};

const best = (times: readonly number[]): number => Math.min(...times);

const stopRequested = (orderId: string): NewEvent => ({
  type: 'StopRequested',
  data: {
    orderId,
    merchantId: 'merchant-7',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
  },
});

const informationRequested = (orderId: string, n: number): NewEvent => ({
  type: 'InformationRequested',
  data: { orderId, requestedAt: '2026-03-11T09:00:00Z', topic: `question ${n}` },
});

/** The same events with UUIDv4 ids given, as the store generated them before UUIDv7 (issue 12). */
const withRandomIds = (events: readonly NewEvent[]): NewEvent[] =>
  events.map((event) => ({ ...event, metadata: { eventId: randomUUID() } }));

/** The events of one order's stream: a stop request, then questions. */
const historyOf = (orderId: string, length: number): NewEvent[] =>
  Array.from({ length }, (_, n) =>
    n === 0 ? stopRequested(orderId) : informationRequested(orderId, n),
  );

const BARE_INSERT = `INSERT INTO bench_bare.messages (stream_id, revision, event_id, type, data, metadata)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])`;

const BARE_PAGE = `SELECT stream_id, revision, transaction_id, global_position, type, data, metadata
  FROM bench_bare.messages WHERE global_position > $1 ORDER BY global_position LIMIT $2`;

/** The bare side's append: the same columns, one statement, nothing checked. */
const bareAppend = async (
  pool: Pool,
  streamName: string,
  firstRevision: number,
  events: readonly NewEvent[],
): Promise<void> => {
  const recordedAt = new Date().toISOString();
  const metadata = events.map(() => ({ eventId: randomUUID(), recordedAt, schemaVersion: 1 }));
  await pool.query(BARE_INSERT, [
    events.map(() => streamName),
    events.map((_, n) => firstRevision + n),
    metadata.map((m) => m.eventId),
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.data)),
    metadata.map((m) => JSON.stringify(m)),
  ]);
};

const bareReadAll = async (pool: Pool, pageSize: number): Promise<number> => {
  let after = '0';
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<Record<string, unknown>>(BARE_PAGE, [after, pageSize]);
    count += rows.length;
    const last = rows[rows.length - 1]?.['global_position'];
    if (rows.length < pageSize || typeof last !== 'string') return count;
    after = last;
  }
};

export const runPostgreSQLBench: BenchPart = async ({ quick, log }) => {
  const orders = quick ? 30 : 120;
  const perOrder = 100;
  const batch = 50;
  const singles = quick ? 300 : 1_000;
  // Best of several interleaved rounds: the machine is shared, and the best round is the one
  // least disturbed.
  const rounds = quick ? 3 : 5;
  const pageSize = 500;
  log(`postgresql: starting an embedded server`);
  const server = await startEmbeddedPostgres();
  const pool = new Pool({ connectionString: server.connectionString, max: 4 });
  pool.on('error', () => undefined);
  const store = new PostgreSQLEventStore(pool, { schema: 'bench_adapter', pageSize });
  try {
    await store.migrate();
    await pool.query('CREATE SCHEMA bench_bare');
    await pool.query(
      'CREATE TABLE bench_bare.messages (LIKE bench_adapter.messages INCLUDING ALL)',
    );
    const batched = orders * perOrder;
    log(
      `postgresql: ${batched.toLocaleString('en')} events in appends of ${batch} over ${orders} streams, ${singles.toLocaleString('en')} single-event appends, ${rounds} rounds each side`,
    );

    const adapterBatch: number[] = [];
    const adapterBatchV4: number[] = [];
    const bareBatch: number[] = [];
    const adapterSingle: number[] = [];
    const bareSingle: number[] = [];
    // Interleaved rounds: both sides see the same machine noise; each round writes new streams.
    for (let round = 0; round < rounds; round++) {
      adapterBatch.push(
        await timeAsync(async () => {
          for (let o = 0; o < orders; o++) {
            const events = historyOf(`a${round}-${o}`, perOrder);
            for (let start = 0; start < perOrder; start += batch)
              await store.appendToStream(
                `order-a${round}-${o}`,
                events.slice(start, start + batch),
                {
                  expectedRevision: start === 0 ? 'no-stream' : BigInt(start - 1),
                },
              );
          }
        }),
      );
      adapterBatchV4.push(
        await timeAsync(async () => {
          for (let o = 0; o < orders; o++) {
            const events = withRandomIds(historyOf(`v${round}-${o}`, perOrder));
            for (let start = 0; start < perOrder; start += batch)
              await store.appendToStream(
                `order-v${round}-${o}`,
                events.slice(start, start + batch),
                {
                  expectedRevision: start === 0 ? 'no-stream' : BigInt(start - 1),
                },
              );
          }
        }),
      );
      bareBatch.push(
        await timeAsync(async () => {
          for (let o = 0; o < orders; o++) {
            const events = historyOf(`b${round}-${o}`, perOrder);
            for (let start = 0; start < perOrder; start += batch)
              await bareAppend(
                pool,
                `order-b${round}-${o}`,
                start,
                events.slice(start, start + batch),
              );
          }
        }),
      );
      adapterSingle.push(
        await timeAsync(async () => {
          for (let n = 0; n < singles; n++)
            await store.appendToStream(
              `order-as${round}`,
              [informationRequested(`as${round}`, n)],
              {
                expectedRevision: n === 0 ? 'no-stream' : BigInt(n - 1),
              },
            );
        }),
      );
      bareSingle.push(
        await timeAsync(async () => {
          for (let n = 0; n < singles; n++)
            await bareAppend(pool, `order-bs${round}`, n, [informationRequested(`bs${round}`, n)]);
        }),
      );
    }

    let adapterRead = 0;
    let bareRead = 0;
    const adapterReads: number[] = [];
    const bareReads: number[] = [];
    for (let round = 0; round < rounds; round++) {
      adapterReads.push(
        await timeAsync(async () => {
          adapterRead = 0;
          for await (const event of store.readAll()) if (event.revision >= 0n) adapterRead += 1;
        }),
      );
      bareReads.push(
        await timeAsync(async () => {
          bareRead = await bareReadAll(pool, pageSize);
        }),
      );
    }

    const batchRatio = best(adapterBatch) / best(bareBatch);
    const singleRatio = best(adapterSingle) / best(bareSingle);
    const readRatio = best(adapterReads) / adapterRead / (best(bareReads) / bareRead);
    const figures = {
      'postgresql batched events': batched,
      'postgresql adapter batched append events/s': Math.round(batched / best(adapterBatch)),
      'postgresql bare batched append events/s': Math.round(batched / best(bareBatch)),
      'postgresql adapter/bare batched append time ratio': Number(batchRatio.toFixed(3)),
      'postgresql adapter batched append events/s, UUIDv4 event ids (before issue 12)': Math.round(
        batched / best(adapterBatchV4),
      ),
      'postgresql UUIDv7/UUIDv4 event ids batched append time ratio': Number(
        (best(adapterBatch) / best(adapterBatchV4)).toFixed(3),
      ),
      'postgresql adapter single-event appends/s': Math.round(singles / best(adapterSingle)),
      'postgresql bare single-row inserts/s': Math.round(singles / best(bareSingle)),
      'postgresql adapter/bare single append time ratio': Number(singleRatio.toFixed(3)),
      'postgresql adapter readAll events/s': Math.round(adapterRead / best(adapterReads)),
      'postgresql bare keyset read rows/s': Math.round(bareRead / best(bareReads)),
      'postgresql adapter/bare read time per event ratio': Number(readRatio.toFixed(3)),
    };
    for (const [name, value] of Object.entries(figures))
      log(`  ${name}: ${value.toLocaleString('en')}`);
    return {
      name: 'postgresql',
      figures,
      ratio: `postgresql adapter/bare batched append time ratio: ${batchRatio.toFixed(2)} (target <= 1.25), read: ${readRatio.toFixed(2)}`,
    };
  } finally {
    await store.close();
    await pool.end();
    await server.stop();
  }
};

if (require.main === module)
  runPostgreSQLBench({
    quick: process.argv.includes('--quick'),
    log: (line) => process.stdout.write(`${line}\n`),
  })
    .then((section) => {
      process.stdout.write(`${section.ratio}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    });
