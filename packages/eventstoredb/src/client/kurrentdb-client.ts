import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  type ClientRead,
  type ClientResolvedEvent,
  clientExpectedRevision,
  type StoreClient,
} from './store-client';

// The new client reads through its native bridge and gives a plain async iterator: leaving it
// early (`return()`) ends the bridge's read.
const iteratorRead = (read: AsyncIterableIterator<ClientResolvedEvent>): ClientRead => ({
  entries: read,
  cancel: async () => {
    await read.return?.();
  },
});

/**
 * The store's view of a `@kurrent/kurrentdb-client` 1.x client: appends and subscriptions over
 * gRPC as in 6.x, reads through the native bridge.
 */
export const kurrentDBStoreClient = (client: KurrentDBClient): StoreClient => ({
  kind: 'kurrentdb',
  append: (streamName, events, expected) =>
    client.appendToStream(streamName, events, {
      streamState: clientExpectedRevision(expected),
    }),
  readStream: (streamName, { fromRevision, direction, maxCount }) =>
    iteratorRead(
      client.readStream(streamName, {
        fromRevision,
        direction,
        ...(maxCount === undefined ? {} : { maxCount }),
      }),
    ),
  readAll: (fromPosition) => iteratorRead(client.readAll({ fromPosition, direction: 'forwards' })),
  subscribeToAll: ({ fromPosition, filter }) =>
    client.subscribeToAll({
      fromPosition,
      filter: { filterOn: 'streamName', checkpointInterval: 1, ...filter },
    }),
  dispose: () => client.dispose(),
});
