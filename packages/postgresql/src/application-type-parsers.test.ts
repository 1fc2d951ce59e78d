import { Pool } from 'pg';
import type { RecordedEvent } from '@order-liability/store';
import { PostgreSQLEventStore } from './postgresql-event-store';
import { collect } from './testing/collect';
import { informationRequested } from './testing/case-fixtures';
import { createTestPool, createTestStore, testConnectionString } from './testing/test-database';

// Applications often set their own node-postgres type parsers (int8 as a number, JSON or dates
// left as text). The store's reads give their own with each query, so they read the same events.

const INT8 = 20;
const applicationPool = new Pool({
  connectionString: testConnectionString(),
  max: 2,
  types: {
    getTypeParser: (oid: number) =>
      oid === INT8 ? (text: string) => Number.parseInt(text, 10) : (text: string) => text,
  },
});
applicationPool.on('error', () => undefined);
const pool = createTestPool(2);

afterAll(async () => {
  await applicationPool.end();
  await pool.end();
});

describe('reads under the application type parsers', () => {
  it('given events appended, when read through a pool with its own parsers (int8 as a number, everything else as text), then readAll and readStream yield exactly what a plain pool reads', async () => {
    const plain = await createTestStore(pool, 'parsers');
    await plain.store.appendToStream('order-p', [
      informationRequested('p', 'first'),
      informationRequested('p', 'second'),
    ]);
    const reader = new PostgreSQLEventStore(applicationPool, { schema: plain.schema });
    try {
      const expectedAll: RecordedEvent[] = await collect(plain.store.readAll());
      const expectedStream: RecordedEvent[] = await collect(plain.store.readStream('order-p'));

      expect(await collect(reader.readAll())).toEqual(expectedAll);
      expect(await collect(reader.readStream('order-p'))).toEqual(expectedStream);
      expect(expectedAll.map((event) => event.revision)).toEqual([0n, 1n]);
    } finally {
      await reader.close();
      await plain.dispose();
    }
  });
});
