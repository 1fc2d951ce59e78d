import { describeEventStoreContract } from '@order-liability/store';
import { createTestPool, createTestStore } from './testing/test-database';

// The shared contract, unchanged, on the test server: every test gets an empty, freshly
// migrated schema of its own, dropped afterwards.
const pool = createTestPool();

afterAll(async () => {
  await pool.end();
});

describeEventStoreContract('PostgreSQLEventStore', async () => {
  const { store, dispose } = await createTestStore(pool, 'contract');
  return {
    store,
    writeRaw: (streamName, event) => store.writeRaw(streamName, event),
    dispose,
  };
});
