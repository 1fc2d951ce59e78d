// decodeEvent's cost per event (issue 15): the compiled decoders against io-ts decoding the
// same stored events (JSON copies, as a store hands them back), sides alternated.
import * as E from 'fp-ts/Either';
import {
  decodeEvent,
  decodeWith,
  type Event,
  eventCodecs,
  type EventType,
} from '@order-liability/domain';
import { alternate, showSpread, spreadOf } from './rounds';
import type { BenchSection } from './section';

const MAX_EVENTS = 50_000;

// What decodeEvent did before it was compiled: io-ts with the event's own codec.
const decodeWithIoTs = ({ type, input }: StoredEvent): boolean =>
  E.isRight(decodeWith<Event>(eventCodecs[type], input));

interface StoredEvent {
  readonly type: EventType;
  readonly input: unknown;
}

/** Figures, rounds and a ratio line of decodeEvent, to add to the domain part's section. */
export const measureDecoding = async (
  histories: readonly (readonly Event[])[],
  rounds: number,
  log: (line: string) => void,
): Promise<Required<Omit<BenchSection, 'name'>>> => {
  const stored: StoredEvent[] = [];
  for (const history of histories) {
    if (stored.length >= MAX_EVENTS) break;
    for (const event of history) {
      const input: unknown = JSON.parse(JSON.stringify(event));
      stored.push({ type: event.type, input });
    }
  }
  let decoded = 0;
  const times = await alternate(
    {
      fast: () => {
        for (const { input } of stored) if (E.isRight(decodeEvent(input))) decoded++;
      },
      'io-ts': () => {
        for (const event of stored) if (decodeWithIoTs(event)) decoded++;
      },
    },
    rounds,
  );
  const fast = spreadOf(times['fast'] ?? []);
  const ioTs = spreadOf(times['io-ts'] ?? []);
  const perEvent = (seconds: number): number => (seconds * 1e9) / stored.length;
  const ratio = fast.median / ioTs.median;
  const line = `decodeEvent ns/event: fast ${showSpread({ min: perEvent(fast.min), median: perEvent(fast.median), max: perEvent(fast.max) }, 0)} vs io-ts ${showSpread({ min: perEvent(ioTs.min), median: perEvent(ioTs.median), max: perEvent(ioTs.max) }, 0)}, ratio ${showSpread({ min: fast.min / ioTs.max, median: ratio, max: fast.max / ioTs.min }, 2)}`;
  log(`  ${line} (${stored.length.toLocaleString('en')} events, ${decoded} decoded)`);
  return {
    figures: {
      'decodeEvent ns/event (median)': Math.round(perEvent(fast.median)),
      'decodeEvent io-ts ns/event (median)': Math.round(perEvent(ioTs.median)),
      'decodeEvent/io-ts time ratio (medians)': Number(ratio.toFixed(3)),
    },
    rounds: { 'decodeEvent fast': times['fast'] ?? [], 'decodeEvent io-ts': times['io-ts'] ?? [] },
    ratio: line,
  };
};
