import { randomUUID } from 'node:crypto';
import { comparePositions } from '../position';
import { collect, contentOf } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { disputed, informationRequested, shippedWithTracking, stopRequested } from './fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const describeAppendAndRead = (context: ContractContext): void => {
  describe('append and read back', () => {
    it(
      'given a new stream, when two events are appended with metadata, then they read back at revisions 0n and 1n exactly as given',
      async () => {
        const { stream, orderId } = context.order('round-trip');
        const [first, second] = [randomUUID(), randomUUID()];
        const result = await context.store().appendToStream(
          stream,
          [
            {
              ...stopRequested(orderId),
              metadata: {
                eventId: first,
                correlationId: 'case-7',
                causationId: 'form-1',
                idempotencyKey: 'submission-1',
              },
            },
            {
              ...shippedWithTracking(orderId, 'PN-1'),
              metadata: { eventId: second, correlationId: 'case-7', causationId: first },
            },
          ],
          { expectedRevision: 'no-stream' },
        );
        const events = await collect(context.store().readStream(stream));

        expect(result.nextExpectedRevision).toBe(1n);
        expect(events.map(contentOf)).toEqual([
          {
            streamId: stream,
            revision: 0n,
            ...stopRequested(orderId),
            metadata: {
              eventId: first,
              correlationId: 'case-7',
              causationId: 'form-1',
              idempotencyKey: 'submission-1',
              schemaVersion: 1,
            },
          },
          {
            streamId: stream,
            revision: 1n,
            ...shippedWithTracking(orderId, 'PN-1'),
            metadata: {
              eventId: second,
              correlationId: 'case-7',
              causationId: first,
              schemaVersion: 1,
            },
          },
        ]);
        expect(events.map((event) => new Date(event.metadata.recordedAt).toISOString())).toEqual(
          events.map((event) => event.metadata.recordedAt),
        );
        // The append reports the position of its last event; the first comes before it.
        expect(events.map((event) => comparePositions(event.position, result.position))).toEqual([
          -1, 0,
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'when metadata is left out, then the store fills in a distinct UUID eventId per event, recordedAt and schemaVersion 1, and nothing else',
      async () => {
        const { stream, orderId } = context.order('filled-in');
        await context.store().appendToStream(stream, [stopRequested(orderId), disputed(orderId)]);
        const events = await collect(context.store().readStream(stream));

        expect(events.map((event) => Object.keys(event.metadata).sort())).toEqual([
          ['eventId', 'recordedAt', 'schemaVersion'],
          ['eventId', 'recordedAt', 'schemaVersion'],
        ]);
        expect(events.map((event) => UUID.test(event.metadata.eventId))).toEqual([true, true]);
        expect(new Set(events.map((event) => event.metadata.eventId)).size).toBe(2);
        expect(events.map((event) => event.metadata.schemaVersion)).toEqual([1, 1]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'when data carries a field the schema does not know, then it is dropped and the rest reads back',
      async () => {
        const { stream, orderId } = context.order('unknown-field');
        await context.store().appendToStream(stream, [
          {
            type: 'Disputed',
            data: { orderId, disputedAt: '2026-03-10T08:30:00Z', channel: 'phone' },
          },
        ]);
        const events = await collect(context.store().readStream(stream));

        expect(events.map((event) => event.data)).toEqual([
          { orderId, disputedAt: '2026-03-10T08:30:00Z' },
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given a stream at revision 0n, when two more events are appended expecting 0n, then it resolves 2n and reads back in order',
      async () => {
        const { stream, orderId } = context.order('continued');
        const store = context.store();
        const first = await store.appendToStream(stream, [stopRequested(orderId)], {
          expectedRevision: 'no-stream',
        });
        const second = await store.appendToStream(
          stream,
          [informationRequested(orderId, 1), informationRequested(orderId, 2)],
          { expectedRevision: 0n },
        );
        const events = await collect(store.readStream(stream));

        expect(first.nextExpectedRevision).toBe(0n);
        expect(second.nextExpectedRevision).toBe(2n);
        expect(comparePositions(first.position, second.position)).toBe(-1);
        expect(events.map((event) => [event.revision, event.type, event.data])).toEqual([
          [0n, 'StopRequested', stopRequested(orderId).data],
          [1n, 'InformationRequested', informationRequested(orderId, 1).data],
          [2n, 'InformationRequested', informationRequested(orderId, 2).data],
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );
  });
};
