// Properties of histories built through the command handler on the in-memory store (issue 8).
// Runs per property: PROPERTY_RUNS (default 300).
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import {
  assessLiability,
  type Command,
  decodeEvent,
  type Event,
  fold,
} from '@order-liability/domain';
import { commandLog, policy } from '../../../domain/src/__fixtures__/arbitraries';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import type { EventStore, RecordedEvent } from '../port';
import { orderStreamName } from '../stream-name';
import { handle } from './handle';
import { isCommandRejectedError } from './command-rejected-error';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

const readAll = async (store: EventStore, streamName: string): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(streamName)) events.push(event);
  } catch {
    // A case whose first command was refused has no stream.
  }
  return events;
};

const asEvents = (recorded: readonly RecordedEvent[]): Event[] =>
  recorded.map((event) => {
    const decoded = decodeEvent({ type: event.type, data: event.data });
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    return decoded.right;
  });

describe('histories built through handle', () => {
  it('a refused command appends nothing; every decision handle returns is the fold of the stream; a JSON replay decides the same', async () => {
    await fc.assert(
      fc.asyncProperty(commandLog, policy, async (commands: Command[], override) => {
        const store = new InMemoryEventStore();
        const streamName = orderStreamName('4711');
        for (const command of commands) {
          const before = await readAll(store, streamName);
          try {
            const result = await handle(store, command, { policy: override });
            const after = await readAll(store, streamName);
            expect(after.length).toBe(before.length + result.appended.length);
            expect(JSON.stringify(result.decision)).toBe(
              JSON.stringify(assessLiability(fold(asEvents(after)), override)),
            );
          } catch (error) {
            if (!isCommandRejectedError(error)) throw error;
            expect(await readAll(store, streamName)).toEqual(before);
          }
        }
        const stream = await readAll(store, streamName);
        const replayed = (JSON.parse(JSON.stringify(asEvents(stream))) as unknown[]).map((raw) => {
          const decoded = decodeEvent(raw);
          if (E.isLeft(decoded)) throw new Error(decoded.left.message);
          return decoded.right;
        });
        expect(JSON.stringify(assessLiability(fold(replayed), override))).toBe(
          JSON.stringify(assessLiability(fold(asEvents(stream)), override)),
        );
      }),
      { numRuns },
    );
  }, 60_000);
});
