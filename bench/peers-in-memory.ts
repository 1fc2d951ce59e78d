// Peers, in memory (issue 15): our InMemoryEventStore side by side with Emmett's in-memory
// event store (`getInMemoryEventStore`, a dev dependency of the bench) on the same events, in
// one run, sides alternated. Each round appends every order's history to a new store (one
// append per stream), then reads every stream back and folds it with the same `fold`. Ours
// validates every event on append and hands out frozen events (a caller cannot change what is
// stored); Emmett's keeps the objects given and validates nothing. Figures, not assertions.
import { getInMemoryEventStore, type EventStore as EmmettStore } from '@event-driven-io/emmett';
import { type Event, fold } from '@order-liability/domain';
import { InMemoryEventStore } from '@order-liability/store';
import { generateHistories } from './generate-histories';
import { alternate, showSpread, spreadOf } from './rounds';
import type { BenchPart } from './section';

const ROUNDS = 5;

const streamOf = (events: readonly Event[]): string => {
  const [first] = events;
  return `order-${first === undefined ? 'none' : first.data.orderId}`;
};

export const runPeersInMemoryBench: BenchPart = async ({ quick, log }) => {
  const orders = quick ? 2_000 : 10_000;
  const histories = generateHistories(orders);
  const streams = histories.map((events) => ({ name: streamOf(events), events }));
  const events = histories.reduce((n, h) => n + h.length, 0);
  log(
    `peers (in memory): ${orders.toLocaleString('en')} streams, ${events.toLocaleString('en')} events, ours vs Emmett`,
  );

  let ours = new InMemoryEventStore();
  let emmett: EmmettStore = getInMemoryEventStore();
  let sink = 0; // keeps the work observable so it is not optimised away
  // Alternated rounds (ours, Emmett, ours, Emmett …), the warm-up dropped; each append side
  // starts a new store, which the read side of the same round reads.
  const rounds = await alternate(
    {
      'ours append': async () => {
        ours = new InMemoryEventStore();
        for (const { name, events: history } of streams) await ours.appendToStream(name, history);
      },
      'Emmett append': async () => {
        emmett = getInMemoryEventStore();
        for (const { name, events: history } of streams) await emmett.appendToStream(name, history);
      },
      // As `handle` loads a case (the stream read into a list, then one fold), which is also
      // what Emmett's side does with the list its readStream returns.
      'ours read+fold': async () => {
        for (const { name } of streams) {
          const read: Event[] = [];
          for await (const event of ours.readStream(name)) read.push(event);
          sink += fold(read).eventCount;
        }
      },
      'Emmett read+fold': async () => {
        for (const { name } of streams) {
          const read = await emmett.readStream<Event>(name);
          sink += fold(read.events).eventCount;
        }
      },
    },
    ROUNDS,
  );

  const spread = (side: string) => spreadOf(rounds[side] ?? []);
  const oursAppend = spread('ours append');
  const emmettAppend = spread('Emmett append');
  const oursRead = spread('ours read+fold');
  const emmettRead = spread('Emmett read+fold');
  const readRatio = oursRead.median / emmettRead.median;
  const appendRatio = oursAppend.median / emmettAppend.median;
  const rate = (s: number): number => Math.round(events / s);
  const figures = {
    'peers in-memory streams': orders,
    'peers in-memory events': events,
    'ours append events/s (median)': rate(oursAppend.median),
    'Emmett append events/s (median)': rate(emmettAppend.median),
    'ours read+fold events/s (median)': rate(oursRead.median),
    'Emmett read+fold events/s (median)': rate(emmettRead.median),
    'append ours/Emmett time ratio (medians)': Number(appendRatio.toFixed(3)),
    'read+fold ours/Emmett time ratio (medians)': Number(readRatio.toFixed(3)),
  };
  for (const [name, value] of Object.entries(figures))
    log(`  ${name}: ${value.toLocaleString('en')}`);
  log(`  append s/round: ours ${showSpread(oursAppend)}, Emmett ${showSpread(emmettAppend)}`);
  log(`  read+fold s/round: ours ${showSpread(oursRead)}, Emmett ${showSpread(emmettRead)}`);
  log(`  (checksum ${sink})`);
  return {
    name: 'peers',
    figures,
    rounds,
    ratio: `peers in-memory read+fold ours/Emmett time ratio (medians of ${ROUNDS} alternated rounds): ${showSpread({ min: oursRead.min / emmettRead.max, median: readRatio, max: oursRead.max / emmettRead.min }, 2)} (target <= 2); append ${showSpread({ min: oursAppend.min / emmettAppend.max, median: appendRatio, max: oursAppend.max / emmettAppend.min }, 2)}`,
  };
};
