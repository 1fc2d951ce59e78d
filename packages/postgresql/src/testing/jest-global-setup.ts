import { startEmbeddedPostgres } from './embedded-postgres';
import { setRunningServer } from './running-server';
import { TEST_POSTGRES_ENV, USER_POSTGRES_ENV } from './test-server-env';

/**
 * Jest global setup: one PostgreSQL server for the whole run. With POSTGRES_CONNECTION_STRING
 * set the tests use that server and nothing is started; otherwise an embedded server is
 * started on a free port of 127.0.0.1 (stopped and removed by the global teardown). Workers
 * inherit the connection string through ORDER_LIABILITY_TEST_POSTGRES.
 */
export const globalSetup = async (): Promise<void> => {
  const given = process.env[USER_POSTGRES_ENV];
  if (given !== undefined && given !== '') {
    process.env[TEST_POSTGRES_ENV] = given;
    return;
  }
  const server = await startEmbeddedPostgres();
  setRunningServer(server);
  process.env[TEST_POSTGRES_ENV] = server.connectionString;
};

// Jest calls the module's default export: the one exception to named exports only.
export { globalSetup as default };
