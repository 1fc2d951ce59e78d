import type { EventStoreDBClient } from '@eventstore/db-client';
import { type ObjectReadable, readableEntries } from './readable-entries';
import {
  type ClientRead,
  type ClientResolvedEvent,
  clientExpectedRevision,
  type StoreClient,
} from './store-client';

// The readable holds only the client's resolved events.
const isEntry = (chunk: unknown): chunk is ClientResolvedEvent =>
  typeof chunk === 'object' && chunk !== null;

/**
 * The store's view of an `@eventstore/db-client` 6.x client. Its reads are Node.js readables
 * that a `cancel()` ends; failures also come as 'error' events, which the iteration reports.
 */
export const eventStoreDBStoreClient = (client: EventStoreDBClient): StoreClient => {
  // The iteration listens for 'error' too, so an error with no entry awaited is no crash.
  const guarded = (read: ObjectReadable & { cancel(): Promise<void> }): ClientRead => ({
    entries: readableEntries(read, isEntry),
    cancel: () => read.cancel(),
  });
  return {
    kind: 'eventstoredb',
    append: (streamName, events, expected) =>
      client.appendToStream(streamName, events, {
        expectedRevision: clientExpectedRevision(expected),
      }),
    readStream: (streamName, { fromRevision, direction, maxCount }) =>
      guarded(
        client.readStream(streamName, {
          fromRevision,
          direction,
          ...(maxCount === undefined ? {} : { maxCount }),
        }),
      ),
    readAll: (fromPosition) => guarded(client.readAll({ fromPosition, direction: 'forwards' })),
    subscribeToAll: ({ fromPosition, filter }) =>
      client.subscribeToAll({
        fromPosition,
        filter: { filterOn: 'streamName', checkpointInterval: 1, ...filter },
      }),
    dispose: () => client.dispose(),
  };
};
