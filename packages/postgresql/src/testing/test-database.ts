import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { PostgreSQLEventStore, type PostgreSQLEventStoreOptions } from '../postgresql-event-store';
import { TEST_POSTGRES_ENV } from './test-server-env';

/** The test server's connection string, handed over by the Jest global setup. */
export const testConnectionString = (): string => {
  const value = process.env[TEST_POSTGRES_ENV];
  if (value === undefined || value === '')
    throw new Error(
      `${TEST_POSTGRES_ENV} is not set: run the tests through Jest (its global setup starts PostgreSQL), or set POSTGRES_CONNECTION_STRING.`,
    );
  return value;
};

/** A pool on the test server; idle-connection errors are ignored (tests stop servers). */
export const createTestPool = (max = 10, connectionString = testConnectionString()): Pool => {
  const pool = new Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
};

/** A schema name no other test uses. */
export const uniqueSchema = (label: string): string =>
  `test_${label}_${randomBytes(5).toString('hex')}`;

export const dropSchema = async (pool: Pool, schema: string): Promise<void> => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
};

export interface TestStore {
  readonly store: PostgreSQLEventStore;
  readonly schema: string;
  /** Closes the store and drops its schema. */
  readonly dispose: () => Promise<void>;
}

/** A migrated store in a schema of its own, on the given pool. */
export const createTestStore = async (
  pool: Pool,
  label: string,
  options: PostgreSQLEventStoreOptions = {},
): Promise<TestStore> => {
  const schema = uniqueSchema(label);
  const store = new PostgreSQLEventStore(pool, { ...options, schema });
  await store.migrate();
  return {
    store,
    schema,
    dispose: async () => {
      await store.close();
      await dropSchema(pool, schema);
    },
  };
};
