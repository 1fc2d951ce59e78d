import { EventStoreDBEventStore } from '@order-liability/eventstoredb';
import { PostgreSQLEventStore } from '@order-liability/postgresql';
import type { EventStore, SubscribableStore } from '@order-liability/store';
import { startEmbeddedServer } from './test-kits';

/** What the service needs of a store: commands, reads and a catch-up subscription. */
export type ServiceStore = EventStore & SubscribableStore;

export interface OpenedStore {
  readonly store: ServiceStore;
  /** Which store, for the start-up line; never the credentials. */
  readonly description: string;
  readonly close: () => Promise<void>;
}

/** The PostgreSQL store on `url`, its schema created or brought up to date. */
const openPostgreSQL = async (
  url: string,
  schema: string | undefined,
): Promise<PostgreSQLEventStore> => {
  const store = new PostgreSQLEventStore(url, schema === undefined ? {} : { schema });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};

/** The connection string's host part, without user and password. */
const where = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
};

/**
 * Opens the configured store: PostgreSQL for `postgres(ql)://`, EventStoreDB / KurrentDB for
 * `esdb://` or `kurrentdb://` (the client speaks the same protocol under the esdb scheme), and
 * an embedded PostgreSQL started for the run when no URL is given.
 */
export const openStore = async (
  url: string | undefined,
  schema: string | undefined,
): Promise<OpenedStore> => {
  if (url === undefined) {
    const server = await startEmbeddedServer();
    try {
      const store = await openPostgreSQL(server.connectionString, schema);
      return {
        store,
        description: 'an embedded PostgreSQL server (started for this run; nothing is kept)',
        close: async () => {
          await store.close();
          await server.stop();
        },
      };
    } catch (error) {
      await server.stop();
      throw error;
    }
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const store = await openPostgreSQL(url, schema);
    return { store, description: `PostgreSQL at ${where(url)}`, close: () => store.close() };
  }
  const esdbUrl = url.replace(/^kurrentdb(\+discover)?:\/\//, (_, discover: string | undefined) =>
    discover === undefined ? 'esdb://' : 'esdb+discover://',
  );
  const store = new EventStoreDBEventStore(esdbUrl);
  return { store, description: `EventStoreDB at ${where(esdbUrl)}`, close: () => store.close() };
};
