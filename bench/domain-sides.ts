// The fold sides of the domain benchmark (bench/domain-part.ts): fold against the hand-written
// reducers, alternated, with every side's round times in wall and CPU time.
import { type Event, fold, initialState } from '@order-liability/domain';
import { longStream } from './long-stream';
import { plainFold } from './plain-reducer';
import { alternate } from './rounds';
import { sameStateFold } from './same-state-reducer';
import { spreadFold } from './spread-reducer';

// Folding one stream of `length` events, over enough repetitions for 200,000 events in all.
const perEventSides = (length: number): (() => number) => {
  const stream = longStream(length);
  const repetitions = Math.max(1, Math.floor(200_000 / length));
  return () => {
    let sink = 0;
    for (let i = 0; i < repetitions; i++) sink += fold(stream).eventCount;
    return sink;
  };
};

/** Every side's round times (wall and CPU), and the stream-length sides' round times. */
export interface FoldSideRounds {
  readonly rounds: Readonly<Record<string, number[]>>;
  readonly cpu: Readonly<Record<string, number[]>>;
  readonly length: Readonly<Record<string, number[]>>;
  readonly sink: number;
}

/** Folds these histories with fold and each reducer, `foldRounds` alternated rounds. */
export const measureFoldSides = async (
  histories: readonly (readonly Event[])[],
  foldRounds: number,
  streamRounds: number,
): Promise<FoldSideRounds> => {
  let sink = 0; // keeps the work observable so it is not optimised away
  // The process's CPU time of every round of a side as well: on a shared machine it moves much
  // less than wall time when other processes take the cores.
  const cpu: Record<string, number[]> = {};
  const withCpu =
    (name: string, work: () => void): (() => void) =>
    () => {
      const start = process.cpuUsage();
      work();
      const used = process.cpuUsage(start);
      (cpu[name] ??= []).push((used.user + used.system) / 1e6);
    };
  // Alternated rounds (A B C A B C …), the warm-up dropped: every side sees the same noise.
  const rounds = await alternate(
    {
      fold: withCpu('fold', () => {
        for (const h of histories) sink += fold(h).eventCount;
      }),
      mutable: withCpu('mutable', () => {
        for (const h of histories) sink += plainFold(h).eventCount;
      }),
      sameState: withCpu('sameState', () => {
        for (const h of histories) sink += sameStateFold(h).eventCount;
      }),
      immutable: withCpu('immutable', () => {
        for (const h of histories) sink += spreadFold(h, initialState).eventCount;
      }),
    },
    foldRounds,
  );
  // The warm-up round, which `alternate` drops from the wall times.
  const cpuRounds = Object.fromEntries(
    Object.entries(cpu).map(([name, times]) => [name, times.slice(1)]),
  );
  const length = await alternate(
    { short: perEventSides(10), long: perEventSides(10_000) },
    streamRounds,
  );
  return { rounds, cpu: cpuRounds, length, sink };
};
