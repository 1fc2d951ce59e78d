import type { RecordedEvent } from '../port';
import { collect } from './collect';
import type { ContractContext } from './context';
import { informationRequested, stopRequested } from './fixtures';

const EVENTS = 10_000;
const BATCH = 500;
const LARGE_TIMEOUT_MS = 180_000;

// The events that are not where they belong, rather than 10,000 assertions.
const misplaced = (events: readonly RecordedEvent[], revisions: readonly bigint[]): string[] =>
  revisions.flatMap((revision, i) => {
    const event = events[i];
    const expected = revision === 0n ? 'StopRequested' : `question ${revision}`;
    const actual =
      event === undefined
        ? 'nothing'
        : event.type === 'InformationRequested'
          ? `${event.revision}: ${event.data.topic ?? ''}`
          : `${event.revision}: ${event.type}`;
    return actual === `${revision}: ${expected}`
      ? []
      : [`at ${i}: expected ${revision}: ${expected}, got ${actual}`];
  });

const range = (from: number, to: number): bigint[] =>
  Array.from({ length: to - from }, (_, i) => BigInt(from + i));

export const describeLargeStream = (context: ContractContext): void => {
  describe('a large stream', () => {
    it(
      `given ${EVENTS} events appended in batches of ${BATCH}, when read, then every one comes back in order, forwards and backwards`,
      async () => {
        const { stream, orderId } = context.order('large');
        const store = context.store();
        const results: bigint[] = [];
        for (let start = 0; start < EVENTS; start += BATCH) {
          const batch = range(start, start + BATCH).map((revision) =>
            revision === 0n
              ? stopRequested(orderId)
              : informationRequested(orderId, Number(revision)),
          );
          const result = await store.appendToStream(stream, batch, {
            expectedRevision: start === 0 ? 'no-stream' : BigInt(start - 1),
          });
          results.push(result.nextExpectedRevision);
        }
        const forwards = await collect(store.readStream(stream));
        const lastThree = await collect(
          store.readStream(stream, { direction: 'backwards', maxCount: 3 }),
        );
        const tail = await collect(store.readStream(stream, { fromRevision: 9998n }));

        expect(results).toEqual(range(0, EVENTS / BATCH).map((i) => (i + 1n) * BigInt(BATCH) - 1n));
        expect(forwards.length).toBe(EVENTS);
        expect(misplaced(forwards, range(0, EVENTS))).toEqual([]);
        expect(misplaced(lastThree, [9999n, 9998n, 9997n])).toEqual([]);
        expect(misplaced(tail, [9998n, 9999n])).toEqual([]);
      },
      LARGE_TIMEOUT_MS,
    );
  });
};
