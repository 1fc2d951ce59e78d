// Folding benchmark: the library's fold against hand-written plain-object reducers over the
// same events in the same run, sides alternated, plus assessLiability per order. Figures, not
// assertions. The baseline is a mutable reducer over a private object that never freezes (the
// floor: folding with no immutability at all); it keeps less than fold's state (no booked
// decision, no late returns or skipped events), so a second mutable reducer that returns the
// same state as fold on these histories is a line of its own; the immutable evolve a person
// writes without immer (object spreads) is an extra line. Also the fold's cost per event on
// one stream of 10 and of 10,000 events: linear means the same. Run by bench/domain.ts in a
// process of its own on the built dist/ (bench/built-child.ts says why).
import {
  assessLiability,
  evolve,
  fold,
  initialState,
  type OrderState,
} from '@order-liability/domain';
import { serveSection } from './built-child';
import { measureFoldSides } from './domain-sides';
import { generateHistories } from './generate-histories';
import { showSpread, spreadOf } from './rounds';
import { pairedRatio } from './paired-ratio';
import { measureDecoding } from './decode-events';
import type { BenchPart } from './section';

const timeIt = (work: () => void): number => {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const best = (times: number[]): number => Math.min(...times);

const ROUNDS = 5;
// A round of the fold sides takes about 50 ms at --quick size: one descheduling or major
// collection moves a median of 5 by a third on a shared machine, so they run more rounds.
const FOLD_ROUNDS = 11;

export const measureDomain: BenchPart = async ({ quick, log }) => {
  const orders = quick ? 20_000 : 100_000;
  const histories = generateHistories(orders);
  const events = histories.reduce((n, h) => n + h.length, 0);
  log(`domain: ${events.toLocaleString('en')} events over ${orders.toLocaleString('en')} orders`);

  const sides = await measureFoldSides(histories, FOLD_ROUNDS, ROUNDS);
  const { rounds, cpu, length } = sides;
  let sink = sides.sink; // keeps the work observable so it is not optimised away
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

  const fold_ = spreadOf(rounds['fold'] ?? []);
  const mutable = spreadOf(rounds['mutable'] ?? []);
  const immutable = spreadOf(rounds['immutable'] ?? []);
  const sameState = spreadOf(rounds['sameState'] ?? []);
  const sameStatePaired = pairedRatio(rounds['fold'] ?? [], rounds['sameState'] ?? []);
  const short = spreadOf(length['short'] ?? []);
  const long = spreadOf(length['long'] ?? []);
  // The spread of the ratios of rounds run side by side, not of the extremes of either side.
  const mutablePaired = pairedRatio(rounds['fold'] ?? [], rounds['mutable'] ?? []);
  const mutableRatio = mutablePaired.median;
  const sameStateCpu = pairedRatio(cpu['fold'] ?? [], cpu['sameState'] ?? []);
  const mutableCpu = pairedRatio(cpu['fold'] ?? [], cpu['mutable'] ?? []);
  const immutableRatio = fold_.median / immutable.median;
  // Both sides fold 200,000 events in all, so their times compare per event directly.
  const linearity = long.median / short.median;
  const rate = (s: number): number => Math.round(events / s);
  const figures = {
    'domain events': events,
    'domain orders': orders,
    'fold events/s (median)': rate(fold_.median),
    'fold events/s (min round)': rate(fold_.max),
    'fold events/s (max round)': rate(fold_.min),
    'mutable reducer (no freezing) events/s (median)': rate(mutable.median),
    'mutable reducer returning the same state events/s (median)': rate(sameState.median),
    'immutable spread reducer events/s (median)': rate(immutable.median),
    'fold/mutable reducer time ratio (medians)': Number(mutableRatio.toFixed(3)),
    'fold/same-state mutable reducer time ratio (medians)': Number(
      sameStatePaired.median.toFixed(3),
    ),
    'fold/immutable reducer time ratio (medians)': Number(immutableRatio.toFixed(3)),
    'fold/mutable reducer CPU time ratio (medians)': Number(mutableCpu.median.toFixed(3)),
    'fold/same-state mutable reducer CPU time ratio (medians)': Number(
      sameStateCpu.median.toFixed(3),
    ),
    'fold ns/event, stream of 10 (median)': Math.round((short.median * 1e9) / 200_000),
    'fold ns/event, stream of 10,000 (median)': Math.round((long.median * 1e9) / 200_000),
    'fold per-event cost 10,000/10 ratio (medians)': Number(linearity.toFixed(3)),
    'assessLiability orders/s': Math.round(orders / assessTime),
    'evolve (one state handed out per event) events/s': Math.round(sampleEvents / evolveTime),
  };
  for (const [name, value] of Object.entries(figures))
    log(`  ${name}: ${value.toLocaleString('en')}`);
  log(
    `  fold s/round ${showSpread(fold_)}, mutable ${showSpread(mutable)}, same-state mutable ${showSpread(sameState)}, immutable ${showSpread(immutable)}`,
  );
  log(`  stream of 10 s ${showSpread(short)}, of 10,000 s ${showSpread(long)}`);
  log(`  (checksum ${sink})`);
  const decoding = await measureDecoding(histories, ROUNDS, log);
  return {
    name: 'domain',
    figures: { ...figures, ...decoding.figures },
    rounds: {
      ...decoding.rounds,
      fold: rounds['fold'] ?? [],
      mutable: rounds['mutable'] ?? [],
      'same-state mutable': rounds['sameState'] ?? [],
      immutable: rounds['immutable'] ?? [],
      'fold cpu': cpu['fold'] ?? [],
      'mutable cpu': cpu['mutable'] ?? [],
      'same-state mutable cpu': cpu['sameState'] ?? [],
      'immutable cpu': cpu['immutable'] ?? [],
      'stream of 10': length['short'] ?? [],
      'stream of 10,000': length['long'] ?? [],
    },
    ratio: `domain fold/mutable reducer time ratio (medians of ${FOLD_ROUNDS} alternated rounds): ${showSpread(mutablePaired, 2)} (target <= 1.5; against a mutable reducer returning the same state ${showSpread(sameStatePaired, 2)}; against an immutable spread reducer ${immutableRatio.toFixed(2)}; in CPU time ${showSpread(mutableCpu, 2)} and against the same-state reducer ${showSpread(sameStateCpu, 2)}); fold per-event cost at 10,000 vs 10 events: ${linearity.toFixed(2)} (target <= 2); ${decoding.ratio}`,
  };
};

if (require.main === module) serveSection(measureDomain);
