import { randomUUID } from 'node:crypto';
import type { ExpectedRevision } from '../port';
import { collect } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { disputed, stopRequested } from './fixtures';

export const describeIdempotency = (context: ContractContext): void => {
  describe('idempotent append by eventId', () => {
    for (const retryExpecting of [
      'no-stream',
      'any',
    ] as const satisfies readonly ExpectedRevision[]) {
      it(
        `given two events appended with their eventIds, when the same append is retried expecting '${retryExpecting}', then nothing more is stored and it resolves with the first result`,
        async () => {
          const { stream, orderId } = context.order('retry');
          const store = context.store();
          const ids = [randomUUID(), randomUUID()];
          const events = [
            { ...stopRequested(orderId), metadata: { eventId: ids[0] } },
            { ...disputed(orderId), metadata: { eventId: ids[1] } },
          ];
          const first = await store.appendToStream(stream, events, {
            expectedRevision: 'no-stream',
          });
          const retried = await store.appendToStream(stream, events, {
            expectedRevision: retryExpecting,
          });
          const stored = await collect(store.readStream(stream));

          expect(first.nextExpectedRevision).toBe(1n);
          expect(retried).toEqual(first);
          expect(stored.map((event) => [event.revision, event.metadata.eventId])).toEqual([
            [0n, ids[0]],
            [1n, ids[1]],
          ]);
        },
        CONTRACT_TIMEOUT_MS,
      );
    }
  });
};
