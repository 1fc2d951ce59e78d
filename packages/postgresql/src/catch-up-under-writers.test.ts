// Issue 8: a catch-up reader following readAll while 8 writers append, on the real embedded
// PostgreSQL (the plain runs are in store-scenarios.test.ts), with random sleeps INSIDE the
// append transactions: a trigger sleeps after the row took its global position, before the
// commit, so commits land out of position order.
import { runCatchUpUnderWriters } from '@order-liability/store/testing';
import { createTestPool, createTestStore, type TestStore } from './testing/test-database';

const pool = createTestPool(10);
let subject: TestStore;

beforeEach(async () => {
  subject = await createTestStore(pool, 'catchup');
});
afterEach(async () => {
  await subject.dispose();
});
afterAll(async () => {
  await pool.end();
});

const clean = { written: 80, seen: 80, missed: [], duplicated: [], outOfOrder: [] };

describe('a catch-up reader while 8 writers append to PostgreSQL, commits out of order', () => {
  it('sees every committed event exactly once when every append transaction sleeps a random while after taking its position', async () => {
    const schema = `"${subject.schema}"`;
    await pool.query(`
      CREATE FUNCTION ${schema}.sleep_a_while() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(random() * 0.02); RETURN NEW; END $$;
      CREATE TRIGGER sleep_a_while AFTER INSERT ON ${schema}.messages
      FOR EACH ROW EXECUTE FUNCTION ${schema}.sleep_a_while();`);
    expect(await runCatchUpUnderWriters(subject.store)).toEqual(clean);
  }, 60_000);
});
