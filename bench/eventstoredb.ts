// EventStoreDB adapter benchmark (issues 5, 15): the same events appended in batches and read
// back as whole streams, through EventStoreDBEventStore and through raw @eventstore/db-client
// calls, against the protocol test double running in a child process of its own (as a server
// would: its work does not share the benchmark's event loop). Both sides run in a process of
// their own (eventstoredb-sides.ts) on built JavaScript: the adapter and the packages it uses
// from dist/, the client as published, one installed copy for both. Same events, batches and
// read options on both sides; the raw side generates its ids with randomUUID, the adapter
// UUIDv7s. Sides alternate round by round, a warm-up round dropped; both pay the same gRPC
// round trips, so the difference is the adapter's work (validation, metadata, decoding, error
// mapping). Figures, not assertions.
import { join } from 'node:path';
import { runBuiltTypeScript } from './built-child';
import type { EventStoreDBRounds, EventStoreDBSizes } from './eventstoredb-sides';
import { pairedRatio } from './paired-ratio';
import { type Spread, showSpread, spreadOf } from './rounds';
import type { BenchPart } from './section';

const SIDES = join(__dirname, 'eventstoredb-sides.ts');

const isRounds = (value: unknown): value is EventStoreDBRounds => {
  const seconds = (field: string): boolean => {
    const record: unknown =
      typeof value === 'object' && value !== null ? Reflect.get(value, field) : undefined;
    return (
      typeof record === 'object' &&
      record !== null &&
      Object.values(record).every(
        (rounds: unknown) => Array.isArray(rounds) && rounds.every((s) => typeof s === 'number'),
      )
    );
  };
  return seconds('times') && seconds('cpu');
};

const runSides = async (sizes: EventStoreDBSizes): Promise<EventStoreDBRounds> => {
  const stdout = await runBuiltTypeScript(SIDES, [JSON.stringify(sizes)]);
  const rounds: unknown = JSON.parse(stdout);
  if (!isRounds(rounds)) throw new Error(`eventstoredb bench sides printed ${stdout.trim()}`);
  return rounds;
};

export const runEventStoreDBBench: BenchPart = async ({ quick, log }) => {
  const sizes: EventStoreDBSizes = quick
    ? { streams: 30, eventsPerStream: 50, batch: 25, rounds: 9 }
    : { streams: 50, eventsPerStream: 400, batch: 50, rounds: 9 };
  const events = sizes.streams * sizes.eventsPerStream;
  log(
    `eventstoredb: ${events.toLocaleString('en')} events in ${sizes.streams} streams, appends of ${sizes.batch}, over the protocol test double in another process, ${sizes.rounds} rounds`,
  );
  const { times, cpu } = await runSides(sizes);
  const spreads: Record<string, Spread> = Object.fromEntries(
    Object.entries(times).map(([name, rounds]) => [name, spreadOf(rounds)]),
  );
  const median = (name: string): number => spreads[name]?.median ?? Number.NaN;
  // Ratios of medians, with the spread of the ratios of the rounds run side by side.
  const ratioOf = (rounds: Record<string, number[]>, ours: string, theirs: string): Spread =>
    pairedRatio(rounds[ours] ?? [], rounds[theirs] ?? []);
  const appendCpu = ratioOf(cpu, 'adapter append', 'raw append');
  const readCpu = ratioOf(cpu, 'adapter read', 'raw read');
  const appendCpuRatio = appendCpu.median;
  const readCpuRatio = readCpu.median;
  const rate = (name: string): number => Math.round(events / median(name));
  const append = ratioOf(times, 'adapter append', 'raw append');
  const read = ratioOf(times, 'adapter read', 'raw read');
  const appendRatio = append.median;
  const readRatio = read.median;
  const show = (spread: Spread): string => showSpread(spread, 2);
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
    `  client CPU time ratio, medians [round min–max]: append ${show(appendCpu)}, read ${show(readCpu)}`,
  );
  return {
    name: 'eventstoredb',
    figures,
    rounds: {
      ...times,
      ...Object.fromEntries(Object.entries(cpu).map(([name, seconds]) => [`${name} CPU`, seconds])),
    },
    ratio: `eventstoredb adapter/raw time ratio, medians [round min–max]: append ${show(append)}, read ${show(read)} (target <= 1.10)`,
  };
};
