import { isEventStoreError } from '../errors';
import type { RecordedEvent } from '../port';

export const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const seen: RecordedEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
};

/** The events a read yielded before it failed, and the failure (undefined if it did not). */
export const collectUntilError = async (
  events: AsyncIterable<RecordedEvent>,
): Promise<{ readonly events: RecordedEvent[]; readonly error: unknown }> => {
  const seen: RecordedEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
  } catch (error) {
    return { events: seen, error };
  }
  return { events: seen, error: undefined };
};

/** The rejection of a promise; a promise that resolves fails the test. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
};

/** The fields of an EventStoreError that callers rely on, for exact comparison. */
export const errorFields = (error: unknown): Record<string, unknown> =>
  isEventStoreError(error)
    ? {
        name: error.name,
        code: error.code,
        streamId: error.streamId,
        expected: error.expected,
        actual: error.actual,
        revision: error.revision,
      }
    : { notAnEventStoreError: String(error) };

/** Where an event is: stream and revision. */
export const placeOf = (event: RecordedEvent): string => `${event.streamId}@${event.revision}`;

/** An event without what the store chose (recordedAt, position), for exact comparison. */
export const contentOf = (event: RecordedEvent): Record<string, unknown> => ({
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  data: event.data,
  metadata: Object.fromEntries(
    Object.entries(event.metadata).filter(([key]) => key !== 'recordedAt'),
  ),
});

/** Events of streams whose names carry `tag`: what one test wrote, whatever else is stored. */
export const ofTest = (events: readonly RecordedEvent[], tag: string): RecordedEvent[] =>
  events.filter((event) => event.streamId.includes(tag));
