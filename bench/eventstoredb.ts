// EventStoreDB adapter benchmark (issue 5): the same events appended in batches and read back
// as whole streams, through EventStoreDBEventStore and through raw @eventstore/db-client calls,
// against the same protocol test double in the same run. Both sides pay the same gRPC round
// trips; the difference is the adapter's work (validation, metadata, decoding, error mapping).
// Figures, not assertions; the double stands in for a server, so absolute rates say little.
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDBEventStore } from '@order-liability/eventstoredb';
import { startEventStoreDBTestServer } from '@order-liability/eventstoredb/testing';
import type { NewEvent } from '@order-liability/store';
import type { BenchPart } from './section';

interface Sizes {
  readonly streams: number;
  readonly eventsPerStream: number;
  readonly batch: number;
  readonly rounds: number;
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

const timeIt = async (work: () => Promise<void>): Promise<number> => {
  const start = process.hrtime.bigint();
  await work();
  return seconds(start);
};

const best = (times: readonly number[]): number => Math.min(...times);

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
    ? { streams: 20, eventsPerStream: 100, batch: 25, rounds: 3 }
    : { streams: 50, eventsPerStream: 400, batch: 50, rounds: 5 };
  const events = sizes.streams * sizes.eventsPerStream;
  log(
    `eventstoredb: ${events.toLocaleString('en')} events in ${sizes.streams} streams, appends of ${sizes.batch}, over the protocol test double`,
  );
  const server = await startEventStoreDBTestServer();
  const raw = EventStoreDBClient.connectionString(server.connectionString);
  const store = new EventStoreDBEventStore(server.connectionString);
  let sink = 0; // keeps the reads observable
  const times: Record<'rawAppend' | 'adapterAppend' | 'rawRead' | 'adapterRead', number[]> = {
    rawAppend: [],
    adapterAppend: [],
    rawRead: [],
    adapterRead: [],
  };
  try {
    for (let round = 0; round <= sizes.rounds; round++) {
      server.reset();
      const streams = Array.from({ length: sizes.streams }, (_, i) => `order-bench-${round}-${i}`);
      const cases = streams.map((stream) => ({
        stream,
        events: caseEvents(stream.slice(6), sizes.eventsPerStream),
      }));

      const rawAppend = () =>
        timeIt(async () => {
          for (const { stream, events: all } of cases) {
            let expected: bigint | 'no_stream' = 'no_stream';
            for (const batch of batchesOf(all, sizes.batch)) {
              expected = (
                await raw.appendToStream(`raw-${stream}`, batch.map(rawEvent), {
                  expectedRevision: expected,
                })
              ).nextExpectedRevision;
            }
          }
        });
      const adapterAppend = () =>
        timeIt(async () => {
          for (const { stream, events: all } of cases) {
            let expected: bigint | 'no-stream' = 'no-stream';
            for (const batch of batchesOf(all, sizes.batch)) {
              expected = (await store.appendToStream(stream, batch, { expectedRevision: expected }))
                .nextExpectedRevision;
            }
          }
        });
      const rawRead = () =>
        timeIt(async () => {
          for (const { stream } of cases)
            for await (const resolved of raw.readStream(`raw-${stream}`))
              sink += resolved.event?.revision === 0n ? 1 : 0;
        });
      const adapterRead = () =>
        timeIt(async () => {
          for (const { stream } of cases)
            for await (const event of store.readStream(stream))
              sink += event.revision === 0n ? 1 : 0;
        });

      // Alternate which side goes first, so warm-up and garbage collection fall on both.
      const [appendA, appendB] =
        round % 2 === 0 ? [rawAppend, adapterAppend] : [adapterAppend, rawAppend];
      const firstAppend = await appendA();
      const secondAppend = await appendB();
      const [readA, readB] = round % 2 === 0 ? [rawRead, adapterRead] : [adapterRead, rawRead];
      const firstRead = await readA();
      const secondRead = await readB();
      if (round === 0) continue; // warm-up
      const rawFirst = round % 2 === 0;
      times.rawAppend.push(rawFirst ? firstAppend : secondAppend);
      times.adapterAppend.push(rawFirst ? secondAppend : firstAppend);
      times.rawRead.push(rawFirst ? firstRead : secondRead);
      times.adapterRead.push(rawFirst ? secondRead : firstRead);
    }
  } finally {
    await store.close();
    await raw.dispose();
    await server.stop();
  }
  if (sink !== (sizes.rounds + 1) * sizes.streams * 2)
    throw new Error('eventstoredb bench: reads came back incomplete');

  const rate = (time: number): number => Math.round(events / time);
  const figures = {
    'raw client append events/s': rate(best(times.rawAppend)),
    'adapter append events/s': rate(best(times.adapterAppend)),
    'raw client read events/s': rate(best(times.rawRead)),
    'adapter read events/s': rate(best(times.adapterRead)),
    'append time ratio': best(times.adapterAppend) / best(times.rawAppend),
    'read time ratio': best(times.adapterRead) / best(times.rawRead),
  };
  for (const [name, value] of Object.entries(figures))
    log(
      `  ${name.padEnd(28)} ${Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2)}`,
    );
  return {
    name: 'eventstoredb',
    figures,
    ratio: `eventstoredb adapter/raw append time ratio: ${figures['append time ratio'].toFixed(2)}, read: ${figures['read time ratio'].toFixed(2)} (target <= 1.10)`,
  };
};
