import { Pool } from 'pg';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { PostgreSQLEventStore } from './postgresql-event-store';
import { codeOf, collect, rejectionOf } from './testing/collect';
import { stopRequested } from './testing/case-fixtures';
import {
  createTestPool,
  dropSchema,
  testConnectionString,
  uniqueSchema,
} from './testing/test-database';

const pool = createTestPool(4);
const schemas: string[] = [];
const fresh = (): string => {
  const schema = uniqueSchema('migrate');
  schemas.push(schema);
  return schema;
};

afterAll(async () => {
  for (const schema of schemas) await dropSchema(pool, schema);
  await pool.end();
});

const tablesOf = async (schema: string): Promise<unknown[]> => {
  const { rows } = await pool.query<Record<string, unknown>>(
    'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
    [schema],
  );
  return rows.map((row) => row['table_name']);
};

const versionsOf = async (schema: string): Promise<unknown[]> => {
  const { rows } = await pool.query<Record<string, unknown>>(
    `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
  );
  return rows.map((row) => row['version']);
};

describe('migrate', () => {
  it('given an empty database, when migrated twice, then the first call applies every version and the second nothing', async () => {
    const schema = fresh();
    const first = await migrate(pool, { schema });
    const second = await migrate(pool, { schema });

    expect(first).toEqual({ schema, version: LATEST_SCHEMA_VERSION, applied: [1] });
    expect(second).toEqual({ schema, version: LATEST_SCHEMA_VERSION, applied: [] });
    expect(await tablesOf(schema)).toEqual(['messages', 'schema_migrations', 'streams']);
    expect(await versionsOf(schema)).toEqual([1]);
  });

  it('given 6 callers migrating one schema at once, each over a connection of its own, then exactly one applies version 1 and the schema works', async () => {
    const schema = fresh();
    const pools = Array.from(
      { length: 6 },
      () => new Pool({ connectionString: testConnectionString(), max: 1 }),
    );
    try {
      const results = await Promise.all(pools.map((own) => migrate(own, { schema })));

      expect(results.map((result) => result.applied.length).sort()).toEqual([0, 0, 0, 0, 0, 1]);
      expect(await versionsOf(schema)).toEqual([1]);
      const store = new PostgreSQLEventStore(pool, { schema });
      const appended = await store.appendToStream('order-m', [stopRequested('m')]);
      expect(appended.nextExpectedRevision).toBe(0n);
    } finally {
      await Promise.all(pools.map((own) => own.end()));
    }
  });

  it('given a store whose schema was never migrated, then append and reads reject with STORE_UNAVAILABLE saying to call migrate()', async () => {
    const store = new PostgreSQLEventStore(pool, { schema: fresh() });
    const append = await rejectionOf(store.appendToStream('order-x', [stopRequested('x')]));
    const read = await rejectionOf(collect(store.readAll()));

    expect(codeOf(append)).toBe('STORE_UNAVAILABLE');
    expect(String(append)).toContain('call migrate() first');
    expect(codeOf(read)).toBe('STORE_UNAVAILABLE');
  });

  it.each([['Order-Liability'], ['1abc'], ['a;drop'], [''], ['x'.repeat(64)]])(
    'given the schema name %j, then migrate rejects with INVALID_OPTIONS and runs nothing',
    async (schema) => {
      const error = await rejectionOf(migrate(pool, { schema }));
      expect(codeOf(error)).toBe('INVALID_OPTIONS');
    },
  );

  it('given a server that cannot be reached, then migrate rejects with STORE_UNAVAILABLE', async () => {
    const nowhere = new Pool({ connectionString: 'postgresql://postgres:x@127.0.0.1:1/postgres' });
    try {
      const error = await rejectionOf(migrate(nowhere, { schema: 'order_liability' }));
      expect(codeOf(error)).toBe('STORE_UNAVAILABLE');
    } finally {
      await nowhere.end();
    }
  });
});
