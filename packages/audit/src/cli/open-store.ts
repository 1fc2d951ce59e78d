import { describeError, usageError } from '../audit-error';
import type { OpenedStore, StoreSource } from './cli-io';
import { loadOnUse } from './load-on-use';

const noPreparation = (): Promise<void> => Promise.resolve();

// Only the adapter asked for is loaded, with its database client.
const open = (source: StoreSource): OpenedStore => {
  if (source.kind === 'eventstore') {
    const { EventStoreDBEventStore } = loadOnUse('@order-liability/eventstoredb');
    return {
      store: new EventStoreDBEventStore(source.connection),
      prepareForWrites: noPreparation,
    };
  }
  const { PostgreSQLEventStore } = loadOnUse('@order-liability/postgresql');
  const store = new PostgreSQLEventStore(
    source.connection,
    source.schema === undefined ? {} : { schema: source.schema },
  );
  return {
    store,
    prepareForWrites: async () => {
      await store.migrate();
    },
  };
};

/**
 * Opens the store a connection string names. A malformed connection string is a usage
 * error (the message leaves the string out: it may carry a password); an unreachable
 * server shows up on the first read or write as STORE_UNAVAILABLE.
 */
export const openStore = (source: StoreSource): Promise<OpenedStore> => {
  try {
    return Promise.resolve(open(source));
  } catch (error) {
    return Promise.reject(usageError(`--${source.kind}: ${describeError(error)}`));
  }
};
