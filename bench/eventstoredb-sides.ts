// The measured sides of the EventStoreDB benchmark (bench/eventstoredb.ts), run as a process of
// its own with tsx reading tsconfig.base.json: without the repository's `paths`, every
// @order-liability package loads from its built dist/, the JavaScript users run, as the raw
// side runs the client's published JavaScript. Through the paths, tsx's transform of src/
// (getter-based module exports, helpers) cost the adapter about 1.2 µs more an event.
// Prints one JSON line: the round times of every side and the process's CPU time per round.
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDBEventStore } from '@order-liability/eventstoredb';
import type { NewEvent } from '@order-liability/store';
import { startDoubleProcess } from './double-process';
import { questionHistory } from './question-history';
import { alternate } from './rounds';

export interface EventStoreDBSizes {
  readonly streams: number;
  readonly eventsPerStream: number;
  readonly batch: number;
  readonly rounds: number;
}

/** What the child prints: seconds per round, warm-up dropped, for wall and CPU time. */
export interface EventStoreDBRounds {
  readonly times: Record<string, number[]>;
  readonly cpu: Record<string, number[]>;
}

const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && Number(value) > 0;

const isSizes = (value: unknown): value is EventStoreDBSizes =>
  typeof value === 'object' &&
  value !== null &&
  ['streams', 'eventsPerStream', 'batch', 'rounds'].every((key) =>
    isCount(Reflect.get(value, key)),
  );

// The raw side writes what the adapter writes: the same data and the same metadata fields,
// as the client's JSON event data.
const rawEvent = (event: NewEvent) => {
  const eventId = randomUUID();
  const data = typeof event.data === 'object' && event.data !== null ? { ...event.data } : {};
  return {
    id: eventId,
    contentType: 'application/json' as const,
    type: event.type,
    data,
    metadata: { eventId, recordedAt: new Date().toISOString(), schemaVersion: 1 },
  };
};

const batchesOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

const measure = async (sizes: EventStoreDBSizes): Promise<EventStoreDBRounds> => {
  const server = await startDoubleProcess();
  const raw = EventStoreDBClient.connectionString(server.connectionString);
  const store = new EventStoreDBEventStore(server.connectionString);
  let sink = 0; // keeps the reads observable
  const casesOf = (prefix: string) =>
    Array.from({ length: sizes.streams }, (_, i) => {
      const stream = `order-${prefix}-${i}`;
      return { stream, events: questionHistory(stream.slice(6), sizes.eventsPerStream) };
    });
  // Every append goes to streams of its own; both reads read the same streams.
  let appends = 0;
  const rawAppend = async (): Promise<void> => {
    appends += 1;
    for (const { stream, events: all } of casesOf(`raw-${appends}`)) {
      let expected: bigint | 'no_stream' = 'no_stream';
      for (const batch of batchesOf(all, sizes.batch)) {
        expected = (
          await raw.appendToStream(stream, batch.map(rawEvent), { expectedRevision: expected })
        ).nextExpectedRevision;
      }
    }
  };
  const adapterAppend = async (): Promise<void> => {
    appends += 1;
    for (const { stream, events: all } of casesOf(`adapter-${appends}`)) {
      let expected: bigint | 'no-stream' = 'no-stream';
      for (const batch of batchesOf(all, sizes.batch)) {
        expected = (await store.appendToStream(stream, batch, { expectedRevision: expected }))
          .nextExpectedRevision;
      }
    }
  };
  const readCases = casesOf('read');
  const rawRead = async (): Promise<void> => {
    for (const { stream } of readCases)
      for await (const resolved of raw.readStream(stream))
        sink += resolved.event?.revision === 0n ? 1 : 0;
  };
  const adapterRead = async (): Promise<void> => {
    for (const { stream } of readCases)
      for await (const event of store.readStream(stream)) sink += event.revision === 0n ? 1 : 0;
  };
  // The process's own CPU time per side and round (user + system, seconds): on a shared
  // machine it moves less than wall time, and it is the client's work alone.
  let cpu: Record<string, number[]> = {};
  const withCpu = (name: string, work: () => Promise<void>) => async (): Promise<void> => {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    (cpu[name] ??= []).push((used.user + used.system) / 1e6);
  };
  const side = (name: string, work: () => Promise<void>) => [name, withCpu(name, work)] as const;
  // Each side goes first of its pair in half the rounds: a side pays part of the garbage
  // collection and of the double's work left by the side before it. With the adapter's read
  // always second, four quick runs gave read ratios of 0.91 to 1.55; with it first, two gave
  // 1.01 and 1.03.
  const orders = [
    [
      side('raw append', rawAppend),
      side('adapter append', adapterAppend),
      side('raw read', rawRead),
      side('adapter read', adapterRead),
    ],
    [
      side('adapter append', adapterAppend),
      side('raw append', rawAppend),
      side('adapter read', adapterRead),
      side('raw read', rawRead),
    ],
  ];
  const times: Record<string, number[]> = {};
  const cpuTimes: Record<string, number[]> = {};
  try {
    for (const { stream, events: all } of readCases) {
      let expected: bigint | 'no-stream' = 'no-stream';
      for (const batch of batchesOf(all, sizes.batch))
        expected = (await store.appendToStream(stream, batch, { expectedRevision: expected }))
          .nextExpectedRevision;
    }
    for (const [i, order] of orders.entries()) {
      // The first order takes the odd round, if any.
      const rounds = i === 0 ? Math.ceil(sizes.rounds / 2) : Math.floor(sizes.rounds / 2);
      cpu = {};
      const measured = await alternate(Object.fromEntries(order), rounds);
      for (const [name, seconds] of Object.entries(measured)) {
        (times[name] ??= []).push(...seconds);
        // The warm-up round is dropped here as alternate() drops it from the times.
        (cpuTimes[name] ??= []).push(...(cpu[name]?.slice(1) ?? []));
      }
    }
  } finally {
    await store.close();
    await raw.dispose();
    await server.stop();
  }
  // Two warm-up rounds, one per order.
  if (sink !== (sizes.rounds + 2) * sizes.streams * 2)
    throw new Error('eventstoredb bench: reads came back incomplete');
  return { times, cpu: cpuTimes };
};

const sizes: unknown = JSON.parse(process.argv[2] ?? 'null');
if (!isSizes(sizes))
  throw new Error(`eventstoredb bench sides: sizes expected, got ${process.argv[2]}`);
measure(sizes).then(
  (rounds) => {
    process.stdout.write(`${JSON.stringify(rounds)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
