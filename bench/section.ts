/** What one part of `pnpm bench` measured: figures by name and the ratio it is judged by. */
export interface BenchSection {
  readonly name: string;
  /** Every figure measured, e.g. `{ "fold events/s": 1234567 }`; written to bench/results.json. */
  readonly figures: Readonly<Record<string, number>>;
  /** The ratio line printed last for this part, e.g. `fold/reducer time ratio: 1.12 (target <= 1.5)`. */
  readonly ratio: string;
  /** Every round's time in seconds, by side, where the part alternates sides. */
  readonly rounds?: Readonly<Record<string, readonly number[]>>;
}

export interface BenchOptions {
  /** `pnpm bench --quick`: smaller inputs, finishes in under a minute on 2 cores. */
  readonly quick: boolean;
  /** Prints one line of progress or figures to stdout. */
  readonly log: (line: string) => void;
}

export type BenchPart = (options: BenchOptions) => Promise<BenchSection>;

const isNumberRecord = (value: unknown, isEntry: (entry: unknown) => boolean): boolean =>
  typeof value === 'object' && value !== null && Object.values(value).every(isEntry);

/** Whether `value` (a section read back from JSON) is a BenchSection. */
export const isBenchSection = (value: unknown): value is BenchSection =>
  typeof value === 'object' &&
  value !== null &&
  'name' in value &&
  typeof value.name === 'string' &&
  'ratio' in value &&
  typeof value.ratio === 'string' &&
  'figures' in value &&
  isNumberRecord(value.figures, (figure) => typeof figure === 'number') &&
  (!('rounds' in value) ||
    isNumberRecord(
      value.rounds,
      (rounds) => Array.isArray(rounds) && rounds.every((s) => typeof s === 'number'),
    ));
