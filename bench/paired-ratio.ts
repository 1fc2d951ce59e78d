// The ratio of two alternated sides: the ratio of their medians, with the spread of the ratios
// of the rounds they ran side by side (round i of one against round i of the other). When
// every paired ratio lies in [min, max], so does the ratio of the medians.
import { type Spread, spreadOf } from './rounds';

export const pairedRatio = (ours: readonly number[], theirs: readonly number[]): Spread => {
  const pairs = ours.flatMap((time, n) => {
    const other = theirs[n];
    return other === undefined || other === 0 ? [] : [time / other];
  });
  const { min, max } = spreadOf(pairs);
  return { min, median: spreadOf(ours).median / spreadOf(theirs).median, max };
};
