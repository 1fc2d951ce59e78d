// The measured fold sides of the domain benchmark (bench/domain.ts), run as a process of its own
// with tsx reading tsconfig.base.json: without the repository's `paths`, @order-liability/domain
// loads from its built dist/, the JavaScript users run. Through the paths, tsx's transform of
// src/ (every call into another module through a getter) made fold about 15% slower in CPU
// time against the same reducers, which are one file each.
// Arguments: orders, fold rounds, stream rounds. Prints one JSON line: every side's round times
// (wall and CPU).
import { fold, initialState } from '@order-liability/domain';
import { generateHistories } from './generate-histories';
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

const main = async (): Promise<void> => {
  const [orders, foldRounds, streamRounds] = process.argv.slice(2).map(Number);
  const histories = generateHistories(orders ?? 0);
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
    foldRounds ?? 0,
  );
  // The warm-up round, which `alternate` drops from the wall times.
  const cpuRounds = Object.fromEntries(
    Object.entries(cpu).map(([name, times]) => [name, times.slice(1)]),
  );
  const length = await alternate(
    { short: perEventSides(10), long: perEventSides(10_000) },
    streamRounds ?? 0,
  );
  process.stdout.write(`${JSON.stringify({ rounds, cpu: cpuRounds, length, sink })}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
