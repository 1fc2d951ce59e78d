// Peers on PostgreSQL (issue 15): our PostgreSQLEventStore and Emmett's PostgreSQL event store
// (@event-driven-io/emmett-postgresql, a dev dependency of the bench only) on the same embedded
// server, each in a database of its own, with the same events, sides alternated (ours, then
// Emmett's) after a dropped warm-up round. Figures, not assertions.
//
// Emmett's store has no readAll: its global read is readMessagesBatch, the reader under its
// consumers (pages by global position, of transactions below the snapshot's xmin, as ours), so
// that is what the readAll line measures on its side, at the same page size. Its readStream
// reads a whole stream in one query; its read+fold is aggregateStream with the domain's evolve.
// Castore is left out: its PostgreSQL adapter is another package set with a schema of its own
// to keep up, for a figure the issue calls optional.
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { type Event, evolve, fold, initialState } from '@order-liability/domain';
import { Pool, PostgreSQLEventStore } from '@order-liability/postgresql';
import { startEmbeddedPostgres } from '@order-liability/postgresql/testing';
import { countStreamReads } from './count-stream-reads';
import { pairedRatio } from './paired-ratio';
import { questionHistory } from './question-history';
import { alternate, type Spread, showSpread, spreadOf } from './rounds';
import type { BenchOptions, BenchSection } from './section';

const PAGE_SIZE = 500;
const WRITERS = 4;
/** Events per stream, appended as a command handler would: a few at a time. */
const STREAM_LENGTH = 10;
const PER_APPEND = 2;

/** `count` items split over `writers` concurrent loops, each taking the next index. */
const concurrently = async (
  count: number,
  writers: number,
  work: (n: number) => Promise<void>,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count) {
        const n = next;
        next += 1;
        await work(n);
      }
    }),
  );
};

export const runPeersPostgreSQLBench = async ({
  quick,
  log,
}: BenchOptions): Promise<BenchSection> => {
  const appendStreams = quick ? 12 : 100;
  const readStreams = quick ? 120 : 2_000;
  const rounds = quick ? 5 : 7;
  log('peers-postgresql: starting an embedded server');
  const server = await startEmbeddedPostgres();
  const admin = new Pool({ connectionString: server.connectionString, max: 1 });
  admin.on('error', () => undefined);
  await admin.query('CREATE DATABASE peers_ours');
  await admin.query('CREATE DATABASE peers_emmett');
  const databaseUrl = (name: string): string => {
    const url = new URL(server.connectionString);
    url.pathname = `/${name}`;
    return url.toString();
  };
  // The same pool size on both sides (pg's default).
  const oursPool = new Pool({ connectionString: databaseUrl('peers_ours'), max: 10 });
  oursPool.on('error', () => undefined);
  const ours = new PostgreSQLEventStore(oursPool, { pageSize: PAGE_SIZE });
  const emmettUrl = databaseUrl('peers_emmett');
  // Emmett's store on a pg pool of ours: one whose idle connections may end with the server.
  const emmettPgPool = new Pool({ connectionString: emmettUrl, max: 10 });
  emmettPgPool.on('error', () => undefined);
  const emmettPool = dumbo({ connectionString: emmettUrl, pool: emmettPgPool });
  const emmett = getPostgreSQLEventStore(emmettUrl, { connectionOptions: { dumbo: emmettPool } });
  try {
    await ours.migrate();
    await emmett.schema.migrate();

    const appendOurs = async (stream: string): Promise<void> => {
      const events = questionHistory(stream, STREAM_LENGTH);
      for (let start = 0; start < STREAM_LENGTH; start += PER_APPEND)
        await ours.appendToStream(`order-${stream}`, events.slice(start, start + PER_APPEND), {
          expectedRevision: start === 0 ? 'no-stream' : BigInt(start - 1),
        });
    };
    const appendEmmett = async (stream: string): Promise<void> => {
      const events = questionHistory(stream, STREAM_LENGTH);
      // Emmett's stream versions count from 1; 0 is "no stream yet".
      for (let start = 0; start < STREAM_LENGTH; start += PER_APPEND)
        await emmett.appendToStream(`order-${stream}`, events.slice(start, start + PER_APPEND), {
          expectedStreamVersion: BigInt(start),
        });
    };
    const calls = new Map<string, number>();
    const next = (side: string): number => {
      const n = calls.get(side) ?? 0;
      calls.set(side, n + 1);
      return n;
    };
    log(
      `peers-postgresql: appends of ${PER_APPEND} events to ${appendStreams} streams of ${STREAM_LENGTH} (sequential, then ${WRITERS} writers); reads of ${readStreams.toLocaleString('en')} streams of ${STREAM_LENGTH}; ${rounds} alternated rounds after a warm-up`,
    );
    const sequential = await alternate(
      {
        ours: async () => {
          const call = next('os');
          for (let s = 0; s < appendStreams; s++) await appendOurs(`os${call}-${s}`);
        },
        emmett: async () => {
          const call = next('es');
          for (let s = 0; s < appendStreams; s++) await appendEmmett(`es${call}-${s}`);
        },
      },
      rounds,
    );
    const concurrent = await alternate(
      {
        ours: async () => {
          const call = next('oc');
          await concurrently(appendStreams, WRITERS, (s) => appendOurs(`oc${call}-${s}`));
        },
        emmett: async () => {
          const call = next('ec');
          await concurrently(appendStreams, WRITERS, (s) => appendEmmett(`ec${call}-${s}`));
        },
      },
      rounds,
    );

    // The read set: the same streams on both sides, written in one append each.
    for (let s = 0; s < readStreams; s++) {
      const events = questionHistory(`r${s}`, STREAM_LENGTH);
      await ours.appendToStream(`order-r${s}`, events);
      await emmett.appendToStream(`order-r${s}`, events);
    }
    const written = (2 * appendStreams * (rounds + 1) + readStreams) * STREAM_LENGTH;
    const streamEvents = readStreams * STREAM_LENGTH;
    // A side that read another number of events than written would measure something else.
    const expect = (side: string, n: number, expected: number): void => {
      if (n !== expected)
        throw new Error(`peers-postgresql: ${side} read ${n} events, expected ${expected}`);
    };

    const readStream = await alternate(
      {
        ours: async () => {
          expect('ours readStream', await countStreamReads(ours, readStreams), streamEvents);
        },
        emmett: async () => {
          let n = 0;
          for (let s = 0; s < readStreams; s++)
            n += (await emmett.readStream<Event>(`order-r${s}`)).events.length;
          expect('Emmett readStream', n, streamEvents);
        },
      },
      rounds,
    );
    // readMessagesBatch orders by transaction id but pages by global position alone, so after
    // concurrent appends a page boundary can repeat or skip events: its count is reported, not
    // required to match.
    let emmettReadAll = 0;
    const readAll = await alternate(
      {
        ours: async () => {
          let n = 0;
          for await (const event of ours.readAll()) if (event.revision >= 0n) n += 1;
          expect('ours readAll', n, written);
        },
        emmett: async () => {
          let n = 0;
          let after = 0n;
          for (;;) {
            const batch = await readMessagesBatch(emmettPool.execute, {
              after,
              batchSize: PAGE_SIZE,
            });
            n += batch.messages.length;
            after = batch.currentGlobalPosition;
            if (!batch.areMessagesLeft) break;
          }
          emmettReadAll = n;
        },
      },
      rounds,
    );
    let checksum = 0;
    const readFold = await alternate(
      {
        ours: async () => {
          for (let s = 0; s < readStreams; s++) {
            const events: Event[] = [];
            for await (const event of ours.readStream(`order-r${s}`)) events.push(event);
            checksum += fold(events).eventCount;
          }
        },
        emmett: async () => {
          for (let s = 0; s < readStreams; s++) {
            const { state } = await emmett.aggregateStream<typeof initialState, Event>(
              `order-r${s}`,
              { evolve, initialState: () => initialState },
            );
            checksum += state.eventCount;
          }
        },
      },
      rounds,
    );
    // Both sides folded the same streams the same number of times.
    expect('read+fold', checksum, 2 * (rounds + 1) * streamEvents);

    const workloads: readonly [string, Record<string, number[]>, number][] = [
      ['append sequential', sequential, appendStreams * STREAM_LENGTH],
      [`append ${WRITERS} writers`, concurrent, appendStreams * STREAM_LENGTH],
      ['readStream', readStream, streamEvents],
      ['readAll (Emmett: readMessagesBatch)', readAll, written],
      ['read+fold', readFold, streamEvents],
    ];
    const figures: Record<string, number> = {
      'peers-postgresql events written per side': written,
      'peers-postgresql Emmett readMessagesBatch events read (last round)': emmettReadAll,
    };
    log(`  events written per side ${written}; Emmett's readMessagesBatch read ${emmettReadAll}`);
    const ratios: string[] = [];
    const roundsKept: Record<string, readonly number[]> = {};
    for (const [name, times, events] of workloads) {
      const oursSpread: Spread = spreadOf(times['ours'] ?? []);
      const emmettSpread: Spread = spreadOf(times['emmett'] ?? []);
      const ratio = pairedRatio(times['ours'] ?? [], times['emmett'] ?? []);
      figures[`peers-postgresql ${name} events`] = events;
      figures[`peers-postgresql ${name} ours events/s (median)`] = Math.round(
        events / oursSpread.median,
      );
      figures[`peers-postgresql ${name} Emmett events/s (median)`] = Math.round(
        events / emmettSpread.median,
      );
      figures[`peers-postgresql ${name} ours/Emmett time ratio (medians)`] = Number(
        ratio.median.toFixed(3),
      );
      roundsKept[`${name} ours`] = times['ours'] ?? [];
      roundsKept[`${name} Emmett`] = times['emmett'] ?? [];
      log(
        `  ${name}: ours ${showSpread(oursSpread)} s, Emmett ${showSpread(emmettSpread)} s, ours/Emmett ${showSpread(ratio, 2)}`,
      );
      ratios.push(`${name} ${showSpread(ratio, 2)}`);
    }
    return {
      name: 'peers-postgresql',
      figures,
      rounds: roundsKept,
      ratio: `peers-postgresql ours/Emmett 0.42 time ratios, medians [round min–max] of ${rounds} alternated rounds (below 1: ours faster): ${ratios.join(', ')}`,
    };
  } finally {
    await ours.close();
    await oursPool.end();
    await emmett.close();
    await emmettPgPool.end();
    await admin.end();
    await server.stop();
  }
};
