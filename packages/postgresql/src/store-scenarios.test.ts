// Issue 8's reliability scenarios on the real embedded PostgreSQL, through a pool of 8
// connections, each test in a fresh schema.
import { describeStoreScenarios } from '@order-liability/store/testing';
import { createTestPool, createTestStore } from './testing/test-database';

const pool = createTestPool(8);
afterAll(async () => {
  await pool.end();
});

describeStoreScenarios('PostgreSQL adapter', () => createTestStore(pool, 'scenarios'));
