// The measured sides of the PostgreSQL benchmark (bench/postgresql.ts), run as a process of its
// own with tsx reading tsconfig.base.json: without the repository's `paths`, the adapter and the
// packages it uses load from their built dist/, the JavaScript users run, as bare `pg` runs its
// published JavaScript (through the paths, tsx's transform of src/ cost the adapter's read about
// 0.15 of bare pg's client CPU). Prints the section as one JSON line; progress goes to stderr.
//
// Appends and reads through PostgreSQLEventStore against
// the same rows written and read with bare `pg`, on an embedded server started for this run
// (fsync off: both sides pay the same, and the figures measure the adapter, not the disk).
// Figures, not assertions. Sides alternate (ours, then bare) after a dropped warm-up round.
//
// The bare side is a floor, not a strawman: prepared, parameterised statements (pg's named
// queries), one multi-row INSERT per batch into a table of the same shape and indexes (CREATE
// TABLE … LIKE messages INCLUDING ALL), checking nothing (no validation, no stream lock, no
// expected revision, no retry detection); reads by keyset pages on the primary key, letting pg
// parse the jsonb columns, decoding nothing. Both sides read the very same rows. readAll has a
// third side: bare `pg` running the adapter's own snapshot-safe page query, so the figures tell
// the query's cost (same query ÷ simple query) from the client's (adapter ÷ same query). The
// reads also print client CPU (this process only, the server apart; withClientCpu), which tells
// the adapter's own work from the machine's noise when other work shares the cores.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@order-liability/store';
import { Pool, PostgreSQLEventStore } from '@order-liability/postgresql';
import { readAllPageStatement, startEmbeddedPostgres } from '@order-liability/postgresql/testing';
import { serveSection } from './built-child';
import { withClientCpu } from './client-cpu';
import { countStreamReads } from './count-stream-reads';
import { pairedRatio } from './paired-ratio';
import { informationRequested, questionHistory } from './question-history';
import { alternate, type Spread, showSpread, spreadOf } from './rounds';
import type { BenchPart } from './section';

/** The same events with UUIDv4 ids given, as the store generated them before UUIDv7 (issue 12). */
const withRandomIds = (events: readonly NewEvent[]): NewEvent[] =>
  events.map((event) => ({ ...event, metadata: { eventId: randomUUID() } }));

const COLUMNS = 6;

/** A prepared multi-row INSERT of `rows` events; one name per row count. */
const bareInsert = (schema: string, rows: number): { name: string; text: string } => {
  const tuples = Array.from({ length: rows }, (_, r) => {
    const p = (column: number): string => `$${r * COLUMNS + column}`;
    return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::jsonb, ${p(6)}::jsonb)`;
  });
  return {
    name: `bench_bare_insert_${schema}_${rows}`,
    text: `INSERT INTO ${schema}.messages (stream_id, revision, event_id, type, data, metadata)
      VALUES ${tuples.join(', ')}`,
  };
};

/** The bare side's append: the same columns, one prepared statement, nothing checked. */
const bareAppend = async (
  pool: Pool,
  schema: string,
  streamName: string,
  firstRevision: number,
  events: readonly NewEvent[],
): Promise<void> => {
  const recordedAt = new Date().toISOString();
  const values = events.flatMap((event, n) => {
    const eventId = randomUUID();
    return [
      streamName,
      firstRevision + n,
      eventId,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify({ eventId, recordedAt, schemaVersion: 1 }),
    ];
  });
  await pool.query({ ...bareInsert(schema, events.length), values });
};

const BARE_PAGE = {
  name: 'bench_bare_read_page',
  text: `SELECT stream_id, revision, transaction_id, global_position, type, data, metadata
    FROM bench_bare_read.messages WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
};

const BARE_STREAM_PAGE = {
  name: 'bench_bare_read_stream_page',
  text: `SELECT stream_id, revision, transaction_id, global_position, type, data, metadata
    FROM bench_bare_read.messages WHERE stream_id = $1 AND revision >= $2
    ORDER BY revision LIMIT $3`,
};

/** Every row of the bare table, in keyset pages; gives the number of rows read. */
const bareReadAll = async (pool: Pool, pageSize: number): Promise<number> => {
  let after = '0';
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<Record<string, unknown>>({
      ...BARE_PAGE,
      values: [after, pageSize],
    });
    count += rows.length;
    const last = rows[rows.length - 1]?.['global_position'];
    if (rows.length < pageSize || typeof last !== 'string') return count;
    after = last;
  }
};

const ADAPTER_PAGE = readAllPageStatement('bench_bare_read');

/**
 * Every row of the bare table through the adapter's readAll page query, pages resumed from the
 * last event's (transaction id, position) as the adapter does, pg's own row parsing, nothing
 * decoded; gives the number of rows read. Each page ends with the snapshot horizon's row.
 */
const bareReadAllAdapterQuery = async (pool: Pool, pageSize: number): Promise<number> => {
  let after = ['0', '0'];
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<Record<string, unknown>>({
      ...ADAPTER_PAGE,
      values: [...after, pageSize],
    });
    const events = rows.length - 1;
    count += events;
    const last = rows[events - 1];
    const commit = last?.['transaction_id'];
    const prepare = last?.['global_position'];
    if (events < pageSize || typeof commit !== 'string' || typeof prepare !== 'string')
      return count;
    after = [commit, prepare];
  }
};

/** One stream's rows of the bare table, in keyset pages; gives the number of rows read. */
const bareReadStream = async (
  pool: Pool,
  streamName: string,
  pageSize: number,
): Promise<number> => {
  let from = 0;
  let count = 0;
  for (;;) {
    const { rows } = await pool.query({
      ...BARE_STREAM_PAGE,
      values: [streamName, from, pageSize],
    });
    count += rows.length;
    if (rows.length < pageSize) return count;
    from += rows.length;
  }
};

const rate = (count: number, seconds: number): number => Math.round(count / seconds);

/** Events per second at the median, slowest and fastest round. */
const rateFigures = (label: string, count: number, spread: Spread): Record<string, number> => ({
  [`${label} events/s (median)`]: rate(count, spread.median),
  [`${label} events/s (slowest round)`]: rate(count, spread.max),
  [`${label} events/s (fastest round)`]: rate(count, spread.min),
});

export const measurePostgreSQL: BenchPart = async ({ quick, log }) => {
  const orders = quick ? 20 : 60;
  const perOrder = 100;
  const batch = 50;
  const singles = quick ? 200 : 500;
  const readOrders = quick ? 100 : 500;
  const rounds = quick ? 5 : 7;
  const pageSize = 500;
  log(`postgresql: starting an embedded server`);
  const server = await startEmbeddedPostgres();
  const pool = new Pool({ connectionString: server.connectionString, max: 4 });
  pool.on('error', () => undefined);
  const store = new PostgreSQLEventStore(pool, { schema: 'bench_adapter', pageSize });
  const reader = new PostgreSQLEventStore(pool, { schema: 'bench_read', pageSize });
  try {
    await store.migrate();
    await reader.migrate();
    await pool.query('CREATE SCHEMA bench_bare');
    await pool.query(
      'CREATE TABLE bench_bare.messages (LIKE bench_adapter.messages INCLUDING ALL)',
    );
    const batched = orders * perOrder;
    log(
      `postgresql: ${batched.toLocaleString('en')} events in appends of ${batch} over ${orders} streams, ${singles.toLocaleString('en')} single-event appends, ${(readOrders * perOrder).toLocaleString('en')} events read; ${rounds} alternated rounds after a warm-up`,
    );

    // Each call writes new streams: a side's n-th call appends to streams named after n.
    const calls = new Map<string, number>();
    const next = (side: string): number => {
      const n = calls.get(side) ?? 0;
      calls.set(side, n + 1);
      return n;
    };
    const adapterBatched =
      (tag: string, ids: (events: NewEvent[]) => NewEvent[]) => async (): Promise<void> => {
        const call = next(tag);
        for (let o = 0; o < orders; o++) {
          const events = ids(questionHistory(`${tag}${call}-${o}`, perOrder));
          for (let start = 0; start < perOrder; start += batch)
            await store.appendToStream(
              `order-${tag}${call}-${o}`,
              events.slice(start, start + batch),
              { expectedRevision: start === 0 ? 'no-stream' : BigInt(start - 1) },
            );
        }
      };
    const appends = await alternate(
      {
        adapter: adapterBatched('a', (events) => events),
        bare: async () => {
          const call = next('b');
          for (let o = 0; o < orders; o++) {
            const events = questionHistory(`b${call}-${o}`, perOrder);
            for (let start = 0; start < perOrder; start += batch)
              await bareAppend(
                pool,
                'bench_bare',
                `order-b${call}-${o}`,
                start,
                events.slice(start, start + batch),
              );
          }
        },
        'adapter, UUIDv4 ids': adapterBatched('v', withRandomIds),
      },
      rounds,
    );
    const single = await alternate(
      {
        adapter: async () => {
          const call = next('as');
          for (let n = 0; n < singles; n++)
            await store.appendToStream(`order-as${call}`, [informationRequested(`as${call}`, n)], {
              expectedRevision: n === 0 ? 'no-stream' : BigInt(n - 1),
            });
        },
        bare: async () => {
          const call = next('bs');
          for (let n = 0; n < singles; n++)
            await bareAppend(pool, 'bench_bare', `order-bs${call}`, n, [
              informationRequested(`bs${call}`, n),
            ]);
        },
      },
      rounds,
    );

    // Both sides read the very same rows: the adapter's, copied into a bare table.
    for (let o = 0; o < readOrders; o++)
      await reader.appendToStream(`order-r${o}`, questionHistory(`r${o}`, perOrder));
    await pool.query('CREATE SCHEMA bench_bare_read');
    await pool.query(
      'CREATE TABLE bench_bare_read.messages (LIKE bench_read.messages INCLUDING ALL)',
    );
    await pool.query(
      'INSERT INTO bench_bare_read.messages OVERRIDING SYSTEM VALUE SELECT * FROM bench_read.messages',
    );
    await pool.query('VACUUM ANALYZE bench_read.messages, bench_bare_read.messages');
    const readEvents = readOrders * perOrder;
    const streamOrders = Math.min(readOrders, 50);
    const streamEvents = streamOrders * perOrder;
    // A side that read another number of events than written would measure something else.
    const count = (side: string, n: number, expected: number): void => {
      if (n !== expected)
        throw new Error(`postgresql bench: ${side} read ${n} events, expected ${expected}`);
    };
    const readSides = withClientCpu({
      adapter: async () => {
        let n = 0;
        for await (const event of reader.readAll()) if (event.revision >= 0n) n += 1;
        count('adapter readAll', n, readEvents);
      },
      bare: async () => {
        count('bare rows', await bareReadAll(pool, pageSize), readEvents);
      },
      'bare, adapter query': async () => {
        count('bare adapter-query rows', await bareReadAllAdapterQuery(pool, pageSize), readEvents);
      },
    });
    const reads = await alternate(readSides.sides, rounds);
    const streamSides = withClientCpu({
      adapter: async () => {
        count('adapter readStream', await countStreamReads(reader, streamOrders), streamEvents);
      },
      bare: async () => {
        let n = 0;
        for (let o = 0; o < streamOrders; o++)
          n += await bareReadStream(pool, `order-r${o}`, pageSize);
        count('bare stream rows', n, streamEvents);
      },
    });
    const streamReads = await alternate(streamSides.sides, rounds);

    const spread = (times: Record<string, number[]>, side: string): Spread =>
      spreadOf(times[side] ?? []);
    const ratio = (times: Record<string, number[]>, ours: string, theirs: string): Spread =>
      pairedRatio(times[ours] ?? [], times[theirs] ?? []);
    const batchRatio = ratio(appends, 'adapter', 'bare');
    const idsRatio = ratio(appends, 'adapter', 'adapter, UUIDv4 ids');
    const singleRatio = ratio(single, 'adapter', 'bare');
    const readRatio = ratio(reads, 'adapter', 'bare');
    const readClientRatio = ratio(reads, 'adapter', 'bare, adapter query');
    const readQueryRatio = ratio(reads, 'bare, adapter query', 'bare');
    const streamRatio = ratio(streamReads, 'adapter', 'bare');
    const readCpuRatio = ratio(readSides.cpu, 'adapter', 'bare');
    const readClientCpuRatio = ratio(readSides.cpu, 'adapter', 'bare, adapter query');
    const streamCpuRatio = ratio(streamSides.cpu, 'adapter', 'bare');
    const figures = {
      'postgresql batched events': batched,
      ...rateFigures('postgresql adapter batched append', batched, spread(appends, 'adapter')),
      ...rateFigures('postgresql bare batched append', batched, spread(appends, 'bare')),
      'postgresql adapter/bare batched append time ratio (medians)': Number(
        batchRatio.median.toFixed(3),
      ),
      ...rateFigures(
        'postgresql adapter batched append, UUIDv4 event ids (before issue 12)',
        batched,
        spread(appends, 'adapter, UUIDv4 ids'),
      ),
      'postgresql UUIDv7/UUIDv4 event ids batched append time ratio (medians)': Number(
        idsRatio.median.toFixed(3),
      ),
      ...rateFigures('postgresql adapter single-event append', singles, spread(single, 'adapter')),
      ...rateFigures('postgresql bare single-row insert', singles, spread(single, 'bare')),
      'postgresql adapter/bare single append time ratio (medians)': Number(
        singleRatio.median.toFixed(3),
      ),
      'postgresql read events': readEvents,
      ...rateFigures('postgresql adapter readAll', readEvents, spread(reads, 'adapter')),
      ...rateFigures('postgresql bare keyset read rows', readEvents, spread(reads, 'bare')),
      ...rateFigures(
        'postgresql bare rows of the adapter query',
        readEvents,
        spread(reads, 'bare, adapter query'),
      ),
      'postgresql adapter/bare readAll time ratio (medians)': Number(readRatio.median.toFixed(3)),
      'postgresql adapter/bare same query readAll time ratio (medians, the client)': Number(
        readClientRatio.median.toFixed(3),
      ),
      'postgresql bare adapter query/bare simple query time ratio (medians, the query)': Number(
        readQueryRatio.median.toFixed(3),
      ),
      'postgresql adapter/bare readAll client CPU ratio (medians)': Number(
        readCpuRatio.median.toFixed(3),
      ),
      'postgresql adapter/bare same query readAll client CPU ratio (medians)': Number(
        readClientCpuRatio.median.toFixed(3),
      ),
      ...rateFigures('postgresql adapter readStream', streamEvents, spread(streamReads, 'adapter')),
      ...rateFigures('postgresql bare stream rows', streamEvents, spread(streamReads, 'bare')),
      'postgresql adapter/bare readStream time ratio (medians)': Number(
        streamRatio.median.toFixed(3),
      ),
      'postgresql adapter/bare readStream client CPU ratio (medians)': Number(
        streamCpuRatio.median.toFixed(3),
      ),
    };
    for (const [name, value] of Object.entries(figures))
      log(`  ${name}: ${Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(3)}`);
    const seconds = (label: string, times: Record<string, number[]>): void => {
      log(
        `  ${label} s/round: ${Object.keys(times)
          .map((side) => `${side} ${showSpread(spread(times, side))}`)
          .join(', ')}`,
      );
    };
    seconds('batched append', appends);
    seconds('single append', single);
    seconds('readAll', reads);
    seconds('readStream', streamReads);
    seconds('readAll client CPU', readSides.cpu);
    seconds('readStream client CPU', streamSides.cpu);
    const show = (s: Spread): string => showSpread(s, 2);
    return {
      name: 'postgresql',
      figures,
      rounds: {
        'adapter batched append': appends['adapter'] ?? [],
        'bare batched append': appends['bare'] ?? [],
        'adapter batched append, UUIDv4 ids': appends['adapter, UUIDv4 ids'] ?? [],
        'adapter single append': single['adapter'] ?? [],
        'bare single append': single['bare'] ?? [],
        'adapter readAll': reads['adapter'] ?? [],
        'bare rows': reads['bare'] ?? [],
        'bare rows, adapter query': reads['bare, adapter query'] ?? [],
        'adapter readStream': streamReads['adapter'] ?? [],
        'bare stream rows': streamReads['bare'] ?? [],
        'adapter readAll client CPU': readSides.cpu['adapter'] ?? [],
        'bare rows client CPU': readSides.cpu['bare'] ?? [],
        'bare rows, adapter query client CPU': readSides.cpu['bare, adapter query'] ?? [],
        'adapter readStream client CPU': streamSides.cpu['adapter'] ?? [],
        'bare stream rows client CPU': streamSides.cpu['bare'] ?? [],
      },
      ratio: `postgresql adapter/bare (prepared statements) time ratios, medians [round min–max] of ${rounds} alternated rounds: readAll ${show(readRatio)} (target <= 1.5; ÷ bare running the adapter's query ${show(readClientRatio)}, that query ÷ the simple one ${show(readQueryRatio)}; client CPU ${show(readCpuRatio)}, ÷ the adapter's query ${show(readClientCpuRatio)}), readStream ${show(streamRatio)} (client CPU ${show(streamCpuRatio)}), batched append ${show(batchRatio)} (target <= 1.25), single append ${show(singleRatio)}`,
    };
  } finally {
    await store.close();
    await reader.close();
    await pool.end();
    await server.stop();
  }
};

if (require.main === module) serveSection(measurePostgreSQL);
