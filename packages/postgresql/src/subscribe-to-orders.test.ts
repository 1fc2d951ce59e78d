import { assessLiability, fold } from '@order-liability/domain';
import { handle, type EventStoreError } from '@order-liability/store';
import { PostgreSQLEventStore } from './postgresql-event-store';
import { PostgreSQLOptionsError } from './schema-name';
import type { DecisionUpdate } from '@order-liability/store';
import { subscribeToOrders } from './subscribe-to-orders';
import { writeRawEvent } from './testing/write-raw-event';
import { codeOf, collect, rejectionOf } from './testing/collect';
import {
  concludeFraud,
  informationRequested,
  recordDispute,
  reportShipment,
  requestStop,
} from './testing/case-fixtures';
import {
  createTestPool,
  createTestStore,
  type TestStore,
  testConnectionString,
} from './testing/test-database';

const pool = createTestPool(6);
let subject: TestStore;

beforeEach(async () => {
  subject = await createTestStore(pool, 'subscribe');
});

afterEach(async () => {
  await subject.dispose();
});

afterAll(async () => {
  await pool.end();
});

/** Resolves once `check` holds, polling every few milliseconds (at most 5 s). */
const until = async (check: () => boolean): Promise<void> => {
  for (let waited = 0; !check(); waited += 5) {
    if (waited > 5_000) throw new Error('the condition did not hold within 5 s');
    await new Promise((done) => setTimeout(done, 5));
  }
};

const decisionFromStream = async (orderId: string) =>
  assessLiability(fold(await collect(subject.store.readStream(`order-${orderId}`))));

describe('subscribeToOrders on PostgreSQL', () => {
  it('given two orders with history, when subscribed, then once caught up every decision equals the fold of its stream, and later events update it', async () => {
    const { store } = subject;
    for (const command of [requestStop('s1'), reportShipment('s1'), requestStop('s2')])
      await handle(store, command);
    const updates: DecisionUpdate[] = [];
    const projection = subscribeToOrders(store, {
      pollIntervalMs: 10,
      onDecision: (u) => updates.push(u),
    });

    await projection.caughtUp;
    const caughtUp = projection.decisions();
    await handle(store, recordDispute('s1'));
    await handle(store, concludeFraud('s1'));
    await until(() => updates.length === 6);
    await projection.stop();
    await projection.done;

    expect([...caughtUp.keys()]).toEqual(['s1', 's2']);
    expect(caughtUp.get('s2')).toEqual(await decisionFromStream('s2'));
    expect(projection.decisionOf('s1')).toEqual(await decisionFromStream('s1'));
    expect(projection.decisionOf('s1')?.status).toBe('resolved-fraud');
    expect(updates.map((u) => `${u.orderId} ${u.event.type}`)).toEqual([
      's1 StopRequested',
      's1 ShippedWithTracking',
      's1 RecallRequested',
      's2 StopRequested',
      's1 Disputed',
      's1 InvestigationConcluded',
    ]);
  });

  it('given a projection stopped after some events, when resumed from its checkpoint, then it applies each later event exactly once and ends with the same decisions as a fresh one', async () => {
    const { store } = subject;
    await handle(store, requestStop('r1'));
    const first = subscribeToOrders(store, { pollIntervalMs: 10 });
    await first.caughtUp;
    await first.stop();
    const checkpoint = first.checkpoint();

    await handle(store, reportShipment('r1'));
    await handle(store, requestStop('r2'));
    const applied: string[] = [];
    const resumed = subscribeToOrders(store, {
      from: checkpoint,
      pollIntervalMs: 10,
      onDecision: (u) => applied.push(`${u.orderId} ${u.event.type}`),
    });
    await resumed.caughtUp;
    await resumed.stop();
    const fresh = subscribeToOrders(store, { pollIntervalMs: 10 });
    await fresh.caughtUp;
    await fresh.stop();

    expect(checkpoint.position).toBeDefined();
    expect(applied).toEqual(['r1 ShippedWithTracking', 'r1 RecallRequested', 'r2 StopRequested']);
    expect(resumed.decisions()).toEqual(fresh.decisions());
  });

  it('given an invalid stored event and onInvalidEvent, then it is reported once, skipped, and the projection goes on', async () => {
    const { store, schema } = subject;
    await handle(store, requestStop('i1'));
    await writeRawEvent(
      pool,
      'order-i1',
      { type: 'Disputed', data: { orderId: 'i1' }, metadata: {} },
      schema,
    );
    await store.appendToStream('order-i1', [informationRequested('i1', 'after')]);
    const reported: EventStoreError[] = [];
    const projection = subscribeToOrders(store, {
      pollIntervalMs: 5,
      onInvalidEvent: (e) => reported.push(e),
    });
    await projection.caughtUp;
    await new Promise((done) => setTimeout(done, 40));
    await projection.stop();

    expect(reported.map((e) => [e.code, e.streamId, e.revision])).toEqual([
      ['INVALID_EVENT', 'order-i1', 1n],
    ]);
    expect(projection.decisionOf('i1')?.status).toBe('awaiting-merchant-response');
  });

  it('given an invalid stored event and no handler, then the projection ends: caughtUp and done reject with INVALID_EVENT', async () => {
    const { store, schema } = subject;
    await writeRawEvent(
      pool,
      'order-bad',
      { type: 'StopRequested', data: {}, metadata: {} },
      schema,
    );
    const projection = subscribeToOrders(store, { pollIntervalMs: 5 });

    expect(codeOf(await rejectionOf(projection.caughtUp))).toBe('INVALID_EVENT');
    expect(codeOf(await rejectionOf(projection.done))).toBe('INVALID_EVENT');
  });

  it('given a store closed under a running projection, then done rejects with STORE_UNAVAILABLE', async () => {
    const store = new PostgreSQLEventStore(testConnectionString(), { schema: subject.schema });
    await handle(store, requestStop('c1'));
    const projection = subscribeToOrders(store, { pollIntervalMs: 5 });
    await projection.caughtUp;
    await store.close();

    expect(codeOf(await rejectionOf(projection.done))).toBe('STORE_UNAVAILABLE');
  });

  it('given bad options, then subscribing throws INVALID_OPTIONS', () => {
    expect(() => subscribeToOrders(subject.store, { pollIntervalMs: 0 })).toThrow(
      PostgreSQLOptionsError,
    );
  });
});
