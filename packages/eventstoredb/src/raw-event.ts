import type { ClientResolvedEvent as ResolvedEvent } from './client/store-client';
import { invalidEvent, type EventStoreError, type RawStoredEvent } from '@order-liability/store';

/**
 * What the client read, as the store's decoder takes it, or INVALID_EVENT for an event this
 * library cannot have written; undefined for an entry without an event (a link to a deleted
 * one). Positions come with every event from EventStoreDB 22.6 on; an older server gives the
 * commit position only, which then stands for both parts.
 */
export const toRawStoredEvent = (
  resolved: ResolvedEvent,
): RawStoredEvent | EventStoreError | undefined => {
  const { event } = resolved;
  if (event === undefined) return undefined;
  const commit = resolved.commitPosition;
  const position =
    event.position ?? (commit === undefined ? undefined : { commit, prepare: commit });
  if (position === undefined) {
    return invalidEvent(
      event.streamId,
      event.revision,
      'the server sent no position for it (EventStoreDB 22.6 or later is needed)',
    );
  }
  if (!event.isJson) {
    return invalidEvent(event.streamId, event.revision, 'its content type is not application/json');
  }
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: { commit: position.commit, prepare: position.prepare },
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
};
