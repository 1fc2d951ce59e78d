// Sides measured in alternation (A B A B …) so every side sees the same machine noise, the
// first round dropped as a warm-up, and every figure reported as min, median and max.

/** The spread of one side's round times, in seconds. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export const spreadOf = (times: readonly number[]): Spread => {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median, max: sorted[sorted.length - 1] ?? 0 };
};

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Runs each side once per round, in the order given, for `rounds` rounds after one warm-up
 * round that is dropped. Gives every side's round times in seconds.
 */
export const alternate = async (
  sides: Readonly<Record<string, () => unknown>>,
  rounds: number,
): Promise<Record<string, number[]>> => {
  const times: Record<string, number[]> = {};
  for (const name of Object.keys(sides)) times[name] = [];
  for (let round = 0; round <= rounds; round++)
    for (const [name, work] of Object.entries(sides)) {
      const start = process.hrtime.bigint();
      await work();
      if (round > 0) times[name]?.push(seconds(start));
    }
  return times;
};

/** `1.23 [1.10–1.41]`: a median with its min and max, as the bench prints every figure. */
export const showSpread = (spread: Spread, digits = 3): string =>
  `${spread.median.toFixed(digits)} [${spread.min.toFixed(digits)}–${spread.max.toFixed(digits)}]`;
