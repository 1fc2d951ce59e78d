import type { Pool } from 'pg';
import { toStoreError } from './pg-errors';
import { LATEST_SCHEMA_VERSION, type Migration, migrations } from './migrations';
import { type SchemaName, schemaName } from './schema-name';

export interface MigrateOptions {
  /** Default 'order_liability'. */
  readonly schema?: string;
}

export interface MigrationResult {
  readonly schema: string;
  /** The schema version now in the database. */
  readonly version: number;
  /** The versions this call applied; empty when the schema was up to date. */
  readonly applied: readonly number[];
}

const appliedVersions = (rows: readonly Record<string, unknown>[]): Set<number> =>
  new Set(rows.map((row) => row['version']).filter((v): v is number => typeof v === 'number'));

const pending = (done: ReadonlySet<number>): Migration[] =>
  migrations.filter((migration) => !done.has(migration.version));

const migrateWith = async (pool: Pool, schema: SchemaName): Promise<MigrationResult> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Every process migrating this schema queues here; the lock ends with the transaction. Under
    // READ COMMITTED the statements after it see what an earlier holder committed.
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext('order-liability migrate'), hashtext($1))",
      [schema.name],
    );
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema.sql}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema.sql}.schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT version FROM ${schema.sql}.schema_migrations`,
    );
    const done = appliedVersions(rows);
    const applied: number[] = [];
    for (const migration of pending(done)) {
      await client.query(migration.sql(schema));
      await client.query(
        `INSERT INTO ${schema.sql}.schema_migrations (version, name) VALUES ($1, $2)`,
        [migration.version, migration.name],
      );
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return {
      schema: schema.name,
      version: Math.max(LATEST_SCHEMA_VERSION, ...done),
      applied,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/**
 * Creates or updates the store's schema: idempotent (a schema already at the latest version is
 * left alone) and versioned (schema_migrations records each version applied). Safe when several
 * processes call it at once: they take turns on a transaction-scoped advisory lock, and all
 * pending versions are applied in one transaction, so a failure leaves the schema as it was.
 * Rejects with STORE_UNAVAILABLE when the server cannot be reached or refuses the DDL.
 */
export const migrate = async (
  pool: Pool,
  options: MigrateOptions = {},
): Promise<MigrationResult> => {
  const schema = schemaName(options.schema);
  try {
    return await migrateWith(pool, schema);
  } catch (error) {
    throw toStoreError(error, { schema: schema.name });
  }
};
