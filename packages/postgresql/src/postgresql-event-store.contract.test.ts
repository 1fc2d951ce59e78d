import { describeEventStoreContract } from '@order-liability/store/testing';
import { createTestPool, createTestStore } from './testing/test-database';
import { writeRawEvent } from './testing/write-raw-event';

// The shared contract, unchanged, on the test server: every test gets an empty, freshly
// migrated schema of its own, dropped afterwards.
const pool = createTestPool();

afterAll(async () => {
  await pool.end();
});

describeEventStoreContract('PostgreSQLEventStore', async () => {
  const { store, schema, dispose } = await createTestStore(pool, 'contract');
  return {
    store,
    writeRaw: (streamName, event) => writeRawEvent(pool, streamName, event, schema),
    dispose,
  };
});
