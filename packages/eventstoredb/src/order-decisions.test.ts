// The catch-up projection of decisions over the protocol test double: catching up, live
// updates, resuming from a checkpoint exactly once, stopping cleanly.
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { handle, type HandleResult } from '@order-liability/store';
import { EventStoreDBEventStore } from './event-store';
import { subscribeToOrders, type DecisionUpdate } from '@order-liability/store';
import { startEventStoreDBTestServer, type EventStoreDBTestServer } from './test-server/server';
import { caseCommands } from './__fixtures__/case-commands';

let server: EventStoreDBTestServer;
let store: EventStoreDBEventStore;
let raw: EventStoreDBClient;

beforeAll(async () => {
  server = await startEventStoreDBTestServer();
  raw = EventStoreDBClient.connectionString(server.connectionString);
});
beforeEach(() => {
  server.reset();
  store = new EventStoreDBEventStore(server.connectionString);
});
afterEach(async () => {
  await store.close();
});
afterAll(async () => {
  await raw.dispose();
  await server.stop();
});

const a = caseCommands('A-1');
const b = caseCommands('B-2');

// Two cases, plus events the projection must ignore: another stream and a system stream.
const writeHistory = async (): Promise<{ a: HandleResult; b: HandleResult }> => {
  await handle(store, a.requestStop);
  await raw.appendToStream(
    'customer-9',
    jsonEvent({ type: 'Noted', data: { note: 'not a case' } }),
  );
  await handle(store, b.requestStop);
  await raw.appendToStream('$stats-1', jsonEvent({ type: '$statsCollected', data: {} }));
  const aShipped = await handle(store, a.reportShipment);
  const bStopped = await handle(store, b.confirmStopped);
  return { a: aShipped, b: bStopped };
};

/** Resolves once `count` updates were seen. */
const updatesUntil = (count: number) => {
  const updates: DecisionUpdate[] = [];
  let release: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    updates,
    reached,
    onDecision: (update: DecisionUpdate) => {
      updates.push(update);
      if (updates.length === count) release();
    },
  };
};

describe('subscribeToOrders', () => {
  it('catches up with every order stream, skipping other and system streams', async () => {
    const latest = await writeHistory();
    const seen = updatesUntil(5);
    const projection = subscribeToOrders(store, { onDecision: seen.onDecision });
    await projection.caughtUp;

    expect([...projection.decisions().entries()]).toEqual([
      ['A-1', latest.a.decision],
      ['B-2', latest.b.decision],
    ]);
    expect(seen.updates.map((update) => [update.orderId, update.event.type])).toEqual([
      ['A-1', 'StopRequested'],
      ['B-2', 'StopRequested'],
      ['A-1', 'ShippedWithTracking'],
      ['A-1', 'RecallRequested'],
      ['B-2', 'OrderStopped'],
    ]);
    await projection.stop();
  });

  it('keeps decisions up to date from live events after catching up', async () => {
    await handle(store, a.requestStop);
    const seen = updatesUntil(3);
    const projection = subscribeToOrders(store, { onDecision: seen.onDecision });
    await projection.caughtUp;
    const shipped = await handle(store, a.reportShipment);
    await seen.reached;

    expect(projection.decisionOf('A-1')).toEqual(shipped.decision);
    expect(projection.decisionOf('A-1')?.status).toBe('shipped');
    expect(seen.updates.map((update) => update.event.revision)).toEqual([0n, 1n, 2n]);
    await projection.stop();
  });

  it('resumes from a checkpoint and applies every later event exactly once', async () => {
    await writeHistory();
    const first = subscribeToOrders(store);
    await first.caughtUp;
    await first.stop();
    const checkpoint = first.checkpoint();
    await handle(store, a.recordDispute);
    await handle(store, a.concludeFraud);
    const settled = await handle(store, a.bookSettlement(1));

    const seen = updatesUntil(3);
    const resumed = subscribeToOrders(store, { from: checkpoint, onDecision: seen.onDecision });
    await resumed.caughtUp;
    const fresh = subscribeToOrders(store);
    await fresh.caughtUp;

    expect(seen.updates.map((update) => [update.orderId, update.event.type])).toEqual([
      ['A-1', 'Disputed'],
      ['A-1', 'InvestigationConcluded'],
      ['A-1', 'SettlementBooked'],
    ]);
    expect(resumed.decisionOf('A-1')).toEqual(settled.decision);
    expect(resumed.decisions()).toEqual(fresh.decisions());
    expect(resumed.checkpoint()).toEqual(fresh.checkpoint());
    await Promise.all([resumed.stop(), fresh.stop()]);
  });

  it('stops cleanly: done resolves and the server drops the subscription', async () => {
    const projection = subscribeToOrders(store);
    await projection.caughtUp;
    expect(server.subscriptionCount()).toBe(1);
    await projection.stop();
    await projection.done;
    for (let i = 0; i < 100 && server.subscriptionCount() > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    expect(server.subscriptionCount()).toBe(0);
    expect(projection.checkpoint()).toEqual({ position: undefined, states: new Map() });
  });
});
