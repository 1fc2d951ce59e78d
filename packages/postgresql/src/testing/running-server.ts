import type { EmbeddedPostgres } from './embedded-postgres';

// Jest loads the global setup and teardown as two modules of the same process: this module,
// required by both, carries the server from one to the other.
let running: EmbeddedPostgres | undefined;

export const setRunningServer = (server: EmbeddedPostgres | undefined): void => {
  running = server;
};

export const takeRunningServer = (): EmbeddedPostgres | undefined => {
  const server = running;
  running = undefined;
  return server;
};
