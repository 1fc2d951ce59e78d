import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  type ClientRead,
  clientExpectedRevision,
  jsonEvents,
  type StoreClient,
} from './store-client';

/**
 * The store's view of an `@eventstore/db-client` 6.x client. Its reads are Node.js readables
 * that a `cancel()` ends; failures also come as 'error' events, which the iteration reports.
 */
export const eventStoreDBStoreClient = (client: EventStoreDBClient): StoreClient => {
  const guarded = (read: ReturnType<EventStoreDBClient['readAll']>): ClientRead => {
    read.on('error', () => undefined);
    return { entries: read[Symbol.asyncIterator](), cancel: () => read.cancel() };
  };
  return {
    kind: 'eventstoredb',
    append: (streamName, events, expected) =>
      client.appendToStream(streamName, jsonEvents(events), {
        expectedRevision: clientExpectedRevision(expected),
      }),
    readStream: (streamName, { fromRevision, direction, maxCount }) => {
      const read = client.readStream(streamName, {
        fromRevision,
        direction,
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      read.on('error', () => undefined);
      return { entries: read[Symbol.asyncIterator](), cancel: () => read.cancel() };
    },
    readAll: (fromPosition) => guarded(client.readAll({ fromPosition, direction: 'forwards' })),
    subscribeToAll: ({ fromPosition, filter }) =>
      client.subscribeToAll({
        fromPosition,
        filter: { filterOn: 'streamName', checkpointInterval: 1, ...filter },
      }),
    dispose: () => client.dispose(),
  };
};
