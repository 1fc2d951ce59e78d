// Issue 8: 200 concurrent commands over 20 orders through the handler on the real embedded
// PostgreSQL, through a pool of 8 connections.
import { runConcurrentCommands } from '@order-liability/store';
import { createTestPool, createTestStore, type TestStore } from './testing/test-database';

const pool = createTestPool(8);
let subject: TestStore;

beforeAll(async () => {
  subject = await createTestStore(pool, 'commands200');
});
afterAll(async () => {
  await subject.dispose();
  await pool.end();
});

describe('200 concurrent commands over 20 orders on PostgreSQL', () => {
  it('stores every accepted command once, books one settlement per order, equals a serial replay', async () => {
    expect(await runConcurrentCommands(subject.store, { prefix: 'pg-waves' })).toEqual({
      commands: 200,
      accepted: 180,
      refused: 20,
      failed: [],
      notExactlyOnce: [],
      unaccounted: [],
      bookedTwice: [],
      differsFromSerialReplay: [],
      settled: 20,
    });
  }, 120_000);

  it('all at once: nothing lost, nothing twice, equal to a serial replay', async () => {
    const report = await runConcurrentCommands(subject.store, { prefix: 'pg-once', waves: false });
    expect([
      report.commands,
      report.accepted + report.refused,
      report.failed,
      report.notExactlyOnce,
      report.unaccounted,
      report.bookedTwice,
      report.differsFromSerialReplay,
    ]).toEqual([200, 200, [], [], [], [], []]);
  }, 120_000);
});
