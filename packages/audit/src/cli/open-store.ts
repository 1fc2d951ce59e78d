import { EventStoreDBEventStore } from '@order-liability/eventstoredb';
import { PostgreSQLEventStore } from '@order-liability/postgresql';
import { describeError, usageError } from '../audit-error';
import type { OpenedStore, StoreSource } from './cli-io';

const noPreparation = (): Promise<void> => Promise.resolve();

const open = (source: StoreSource): OpenedStore => {
  if (source.kind === 'eventstore')
    return {
      store: new EventStoreDBEventStore(source.connection),
      prepareForWrites: noPreparation,
    };
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
