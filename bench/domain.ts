// Folding benchmark (issue 3): the library's fold against hand-written plain-object reducers
// over the same events in the same run, plus assessLiability per order. Figures, not
// assertions. Two baselines: the immutable evolve a person writes without immer (object
// spreads, the target's baseline), and a mutable reducer over a private object that never
// freezes (a lower bound: what folding costs with no immutability at all).
import {
  assessLiability,
  evolve,
  fold,
  initialState,
  type OrderState,
} from '@order-liability/domain';
import { generateHistories } from './generate-histories';
import { plainFold } from './plain-reducer';
import { spreadFold } from './spread-reducer';
import type { BenchPart } from './section';

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

const timeIt = (work: () => void): number => {
  const start = process.hrtime.bigint();
  work();
  return seconds(start);
};

const best = (times: number[]): number => Math.min(...times);

export const runDomainBench: BenchPart = async ({ quick, log }) => {
  const orders = quick ? 20_000 : 100_000;
  const histories = generateHistories(orders);
  const events = histories.reduce((n, h) => n + h.length, 0);
  log(`domain: ${events.toLocaleString('en')} events over ${orders.toLocaleString('en')} orders`);

  let sink = 0; // keeps the work observable so it is not optimised away
  const foldTimes: number[] = [];
  const plainTimes: number[] = [];
  const spreadTimes: number[] = [];
  // Interleaved repetitions: every side sees the same machine noise; none keeps its states.
  for (let round = 0; round < (quick ? 3 : 5); round++) {
    foldTimes.push(
      timeIt(() => {
        for (const h of histories) sink += fold(h).eventCount;
      }),
    );
    spreadTimes.push(
      timeIt(() => {
        for (const h of histories) sink += spreadFold(h, initialState).eventCount;
      }),
    );
    plainTimes.push(
      timeIt(() => {
        for (const h of histories) sink += plainFold(h).eventCount;
      }),
    );
  }
  const states: OrderState[] = histories.map((h) => fold(h));
  const assessTime = best(
    [0, 1, 2].map(() =>
      timeIt(() => {
        for (const state of states) sink += assessLiability(state).settlementLines.length;
      }),
    ),
  );
  const sample = histories.slice(0, Math.max(1, Math.floor(histories.length / 20)));
  const sampleEvents = sample.reduce((n, h) => n + h.length, 0);
  const evolveTime = timeIt(() => {
    for (const h of sample) sink += h.reduce(evolve, initialState).eventCount;
  });
  await Promise.resolve();

  const foldRate = events / best(foldTimes);
  const plainRate = events / best(plainTimes);
  const spreadRate = events / best(spreadTimes);
  const ratio = spreadRate / foldRate;
  const mutableRatio = plainRate / foldRate;
  const figures = {
    'domain events': events,
    'domain orders': orders,
    'fold events/s': Math.round(foldRate),
    'hand-written immutable reducer events/s': Math.round(spreadRate),
    'hand-written mutable reducer (no freezing) events/s': Math.round(plainRate),
    'fold/immutable reducer time ratio': Number(ratio.toFixed(3)),
    'fold/mutable reducer time ratio': Number(mutableRatio.toFixed(3)),
    'assessLiability orders/s': Math.round(orders / assessTime),
    'evolve (one produce per event) events/s': Math.round(sampleEvents / evolveTime),
  };
  for (const [name, value] of Object.entries(figures))
    log(`  ${name}: ${value.toLocaleString('en')}`);
  log(`  (checksum ${sink})`);
  return {
    name: 'domain',
    figures,
    ratio: `domain fold/hand-written reducer time ratio: ${ratio.toFixed(2)} (target <= 1.5); against a mutable reducer that never freezes: ${mutableRatio.toFixed(2)}`,
  };
};
