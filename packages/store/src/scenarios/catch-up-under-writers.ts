import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, RecordedEvent } from '../port';
import type { Position } from '../position';

/** What a catch-up reader saw while writers appended. Each list is empty when all is well. */
export interface CatchUpReport {
  readonly written: number;
  readonly seen: number;
  /** Events written but never seen by the reader. */
  readonly missed: readonly string[];
  /** Events the reader saw more than once. */
  readonly duplicated: readonly string[];
  /** Streams whose events the reader saw out of revision order. */
  readonly outOfOrder: readonly string[];
}

export interface CatchUpOptions {
  readonly writers?: number;
  readonly appendsPerWriter?: number;
  readonly prefix?: string;
  /** A pause before each append, e.g. random, to scramble the interleaving. */
  readonly pause?: () => Promise<void>;
}

const disputed = (orderId: string, n: number) => ({
  type: 'Disputed',
  data: { orderId, disputedAt: `2026-03-10T08:00:${String(n % 60).padStart(2, '0')}Z` },
});

/**
 * Issue 8: `writers` writers append to their own streams while one reader follows `readAll`
 * from its last position (as a subscription resumes from a checkpoint). When every writer is
 * done and the reader has caught up, it must have seen each committed event exactly once and
 * each stream in revision order.
 */
export const runCatchUpUnderWriters = async (
  store: EventStore,
  { writers = 8, appendsPerWriter = 10, prefix = 'catchup', pause }: CatchUpOptions = {},
): Promise<CatchUpReport> => {
  const streamOf = (writer: number): string => `order-${prefix}-${writer}`;
  const ours = (event: RecordedEvent): boolean => event.streamId.startsWith(`order-${prefix}-`);
  // Start after whatever the store already holds.
  let checkpoint: Position | undefined;
  for await (const event of store.readAll()) checkpoint = event.position;

  const seen: RecordedEvent[] = [];
  let writing = true;
  const read = async (): Promise<void> => {
    for (;;) {
      const stillWriting = writing;
      for await (const event of store.readAll(
        checkpoint === undefined ? {} : { fromPosition: checkpoint },
      )) {
        checkpoint = event.position;
        if (ours(event)) seen.push(event);
      }
      if (!stillWriting) return;
      await sleep(2);
    }
  };
  const write = async (writer: number): Promise<number> => {
    const orderId = `${prefix}-${writer}`;
    await store.appendToStream(
      streamOf(writer),
      [
        {
          type: 'StopRequested',
          data: {
            orderId,
            merchantId: 'm',
            purchaseKind: 'goods',
            currency: 'DKK',
            totalAmount: 1000,
            totalTaxAmount: 200,
            requestedAt: '2026-03-02T09:00:00Z',
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    for (let n = 1; n < appendsPerWriter; n++) {
      if (pause !== undefined) await pause();
      await store.appendToStream(streamOf(writer), [disputed(orderId, n)], {
        expectedRevision: BigInt(n - 1),
      });
    }
    return appendsPerWriter;
  };
  const reader = read();
  const counts = await Promise.all(Array.from({ length: writers }, (_, i) => write(i + 1)));
  writing = false;
  await reader;

  const key = (event: RecordedEvent): string => `${event.streamId}@${event.revision}`;
  const seenKeys = seen.map(key);
  const missed: string[] = [];
  for (let writer = 1; writer <= writers; writer++)
    for (let revision = 0; revision < appendsPerWriter; revision++) {
      const expected = `${streamOf(writer)}@${revision}`;
      if (!seenKeys.includes(expected)) missed.push(expected);
    }
  const duplicated = [...new Set(seenKeys.filter((k, i) => seenKeys.indexOf(k) !== i))];
  const outOfOrder: string[] = [];
  for (let writer = 1; writer <= writers; writer++) {
    const revisions = seen.filter((e) => e.streamId === streamOf(writer)).map((e) => e.revision);
    if (revisions.some((revision, i) => i > 0 && revision <= (revisions[i - 1] ?? -1n)))
      outOfOrder.push(streamOf(writer));
  }
  return {
    written: counts.reduce((a, b) => a + b, 0),
    seen: seen.length,
    missed,
    duplicated,
    outOfOrder,
  };
};
