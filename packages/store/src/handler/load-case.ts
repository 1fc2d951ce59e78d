import { isEventStoreError } from '../errors';
import type { EventStore, RecordedEvent } from '../port';

/** A case's stream as read: its events and the revision to append after them. */
export interface CaseHistory {
  readonly events: readonly RecordedEvent[];
  readonly revision: bigint | 'no-stream';
}

/** Reads a whole stream; a stream that does not exist is an empty history at 'no-stream'. */
export const loadCase = async (store: EventStore, streamName: string): Promise<CaseHistory> => {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(streamName)) events.push(event);
  } catch (error) {
    if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND' && events.length === 0)
      return { events: [], revision: 'no-stream' };
    throw error;
  }
  const last = events[events.length - 1];
  return { events, revision: last === undefined ? 'no-stream' : last.revision };
};
