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
  // CPU time of each side too: on a shared machine another process's work lands in the wall
  // time of whichever side runs then, not in its CPU time.
  const cpu: Record<'fast' | 'io-ts', number[]> = { fast: [], 'io-ts': [] };
  const withCpu = (side: 'fast' | 'io-ts', work: () => void) => (): void => {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    cpu[side].push((used.user + used.system) / 1e6);
  };
  const times = await alternate(
    {
      fast: withCpu('fast', () => {
        for (const { input } of stored) if (E.isRight(decodeEvent(input))) decoded++;
      }),
      'io-ts': withCpu('io-ts', () => {
        for (const event of stored) if (decodeWithIoTs(event)) decoded++;
      }),
    },
    rounds,
  );
  // alternate drops its warm-up round; so do these.
  const fastCpu = spreadOf(cpu.fast.slice(1));
  const ioTsCpu = spreadOf(cpu['io-ts'].slice(1));
  const fast = spreadOf(times['fast'] ?? []);
  const ioTs = spreadOf(times['io-ts'] ?? []);
  const perEvent = (seconds: number): number => (seconds * 1e9) / stored.length;
  const ratio = fast.median / ioTs.median;
  const line = `decodeEvent ns/event: fast ${showSpread({ min: perEvent(fast.min), median: perEvent(fast.median), max: perEvent(fast.max) }, 0)} vs io-ts ${showSpread({ min: perEvent(ioTs.min), median: perEvent(ioTs.median), max: perEvent(ioTs.max) }, 0)}, ratio ${showSpread({ min: fast.min / ioTs.max, median: ratio, max: fast.max / ioTs.min }, 2)}`;
  const cpuLine = `CPU ns/event: fast ${showSpread({ min: perEvent(fastCpu.min), median: perEvent(fastCpu.median), max: perEvent(fastCpu.max) }, 0)} vs io-ts ${showSpread({ min: perEvent(ioTsCpu.min), median: perEvent(ioTsCpu.median), max: perEvent(ioTsCpu.max) }, 0)}, ratio ${(fastCpu.median / ioTsCpu.median).toFixed(2)}`;
  log(`  ${line} (${stored.length.toLocaleString('en')} events, ${decoded} decoded)`);
  log(`  decodeEvent ${cpuLine}`);
  return {
    figures: {
      'decodeEvent ns/event (median)': Math.round(perEvent(fast.median)),
      'decodeEvent io-ts ns/event (median)': Math.round(perEvent(ioTs.median)),
      'decodeEvent/io-ts time ratio (medians)': Number(ratio.toFixed(3)),
      'decodeEvent CPU ns/event (median)': Math.round(perEvent(fastCpu.median)),
      'decodeEvent io-ts CPU ns/event (median)': Math.round(perEvent(ioTsCpu.median)),
      'decodeEvent/io-ts CPU time ratio (medians)': Number(
        (fastCpu.median / ioTsCpu.median).toFixed(3),
      ),
    },
    rounds: {
      'decodeEvent fast': times['fast'] ?? [],
      'decodeEvent io-ts': times['io-ts'] ?? [],
      'decodeEvent fast CPU': cpu.fast.slice(1),
      'decodeEvent io-ts CPU': cpu['io-ts'].slice(1),
    },
    ratio: `${line}, CPU ratio ${(fastCpu.median / ioTsCpu.median).toFixed(2)}`,
  };
};
