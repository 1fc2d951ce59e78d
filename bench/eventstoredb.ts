// EventStoreDB adapter benchmark (issues 5, 15): the same events appended in batches and read
// back as whole streams, through EventStoreDBEventStore and through raw @eventstore/db-client
// calls, against the protocol test double running in a child process of its own (as a server
// would: its work does not share the benchmark's event loop). Sides alternate round by round,
// a warm-up round dropped; both pay the same gRPC round trips, so the difference is the
// adapter's work (validation, metadata, decoding, error mapping). Figures, not assertions.
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDBEventStore } from '@order-liability/eventstoredb';
import type { NewEvent } from '@order-liability/store';
import { startDoubleProcess } from './double-process';
import { alternate, type Spread, showSpread, spreadOf } from './rounds';
import type { BenchPart } from './section';

interface Sizes {
  readonly streams: number;
  readonly eventsPerStream: number;
  readonly batch: number;
  readonly rounds: number;
}

// One case per stream: a stop request, then information requests (small, valid v1 events).
const caseEvents = (orderId: string, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, i) =>
    i === 0
      ? {
          type: 'StopRequested',
          data: {
            orderId,
            merchantId: 'merchant-1',
            purchaseKind: 'goods',
            currency: 'DKK',
            totalAmount: 125000,
            totalTaxAmount: 25000,
            requestedAt: '2026-03-02T09:00:00Z',
          },
        }
      : {
          type: 'InformationRequested',
          data: { orderId, requestedAt: '2026-03-11T09:00:00Z', topic: `question ${i}` },
        },
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

export const runEventStoreDBBench: BenchPart = async ({ quick, log }) => {
  const sizes: Sizes = quick
    ? { streams: 30, eventsPerStream: 50, batch: 25, rounds: 7 }
    : { streams: 50, eventsPerStream: 400, batch: 50, rounds: 9 };
  const events = sizes.streams * sizes.eventsPerStream;
  log(
    `eventstoredb: ${events.toLocaleString('en')} events in ${sizes.streams} streams, appends of ${sizes.batch}, over the protocol test double in another process, ${sizes.rounds} rounds`,
  );
  const server = await startDoubleProcess();
  const raw = EventStoreDBClient.connectionString(server.connectionString);
  const store = new EventStoreDBEventStore(server.connectionString);
  let sink = 0; // keeps the reads observable
  const casesOf = (prefix: string) =>
    Array.from({ length: sizes.streams }, (_, i) => {
      const stream = `order-${prefix}-${i}`;
      return { stream, events: caseEvents(stream.slice(6), sizes.eventsPerStream) };
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
  // The benchmark process's own CPU time per side and round (user + system, seconds): on a
  // shared machine it moves less than wall time, and it is the client's work alone.
  const cpu: Record<string, number[]> = {};
  const withCpu = (name: string, work: () => Promise<void>) => async (): Promise<void> => {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    (cpu[name] ??= []).push((used.user + used.system) / 1e6);
  };
  let times: Record<string, number[]>;
  try {
    for (const { stream, events: all } of readCases) {
      let expected: bigint | 'no-stream' = 'no-stream';
      for (const batch of batchesOf(all, sizes.batch))
        expected = (await store.appendToStream(stream, batch, { expectedRevision: expected }))
          .nextExpectedRevision;
    }
    times = await alternate(
      {
        'raw append': withCpu('raw append', rawAppend),
        'adapter append': withCpu('adapter append', adapterAppend),
        'raw read': withCpu('raw read', rawRead),
        'adapter read': withCpu('adapter read', adapterRead),
      },
      sizes.rounds,
    );
  } finally {
    await store.close();
    await raw.dispose();
    await server.stop();
  }
  if (sink !== (sizes.rounds + 1) * sizes.streams * 2)
    throw new Error('eventstoredb bench: reads came back incomplete');

  const spreads: Record<string, Spread> = Object.fromEntries(
    Object.entries(times).map(([name, rounds]) => [name, spreadOf(rounds)]),
  );
  const median = (name: string): number => spreads[name]?.median ?? Number.NaN;
  // The warm-up round is dropped here as alternate() drops it from the times.
  const cpuMedian = (name: string): number =>
    spreadOf(cpu[name]?.slice(1) ?? []).median || Number.NaN;
  const appendCpuRatio = cpuMedian('adapter append') / cpuMedian('raw append');
  const readCpuRatio = cpuMedian('adapter read') / cpuMedian('raw read');
  const rate = (name: string): number => Math.round(events / median(name));
  const appendRatio = median('adapter append') / median('raw append');
  const readRatio = median('adapter read') / median('raw read');
  for (const [name, spread] of Object.entries(spreads))
    log(
      `  ${name.padEnd(16)} ${showSpread(spread)} s, ${rate(name).toLocaleString('en')} events/s (median)`,
    );
  const figures = {
    'raw client append events/s': rate('raw append'),
    'adapter append events/s': rate('adapter append'),
    'raw client read events/s': rate('raw read'),
    'adapter read events/s': rate('adapter read'),
    'append time ratio': Number(appendRatio.toFixed(3)),
    'read time ratio': Number(readRatio.toFixed(3)),
    'append client CPU ratio': Number(appendCpuRatio.toFixed(3)),
    'read client CPU ratio': Number(readCpuRatio.toFixed(3)),
  };
  log(
    `  client CPU time ratio (medians): append ${appendCpuRatio.toFixed(2)}, read ${readCpuRatio.toFixed(2)}`,
  );
  return {
    name: 'eventstoredb',
    figures,
    rounds: {
      ...times,
      ...Object.fromEntries(
        Object.entries(cpu).map(([name, seconds]) => [`${name} CPU`, seconds.slice(1)]),
      ),
    },
    ratio: `eventstoredb adapter/raw append time ratio: ${appendRatio.toFixed(2)}, read: ${readRatio.toFixed(2)} (medians; target <= 1.10)`,
  };
};
