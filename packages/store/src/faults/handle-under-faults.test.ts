import { requestStop, reportShipment, STREAM } from '../__fixtures__/case';
import { handle } from '../handler/handle';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import type { EventStore } from '../port';
import { type FaultSchedule, FaultInjectingEventStore } from './fault-injecting-event-store';

const fast = { retryDelayMs: 1 };

const typesIn = async (store: EventStore): Promise<string[]> => {
  const types: string[] = [];
  for await (const event of store.readStream(STREAM)) types.push(`${event.revision} ${event.type}`);
  return types;
};

const given = async (schedule: FaultSchedule) => {
  const inner = new InMemoryEventStore();
  await handle(inner, requestStop());
  return { inner, faulty: new FaultInjectingEventStore(inner, schedule) };
};

const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof Error && 'code' in error ? String(error.code) : 'no code',
  );

describe('handle when the store fails (issue 8)', () => {
  it('repeats an append that never reached the store, and stores it once', async () => {
    const { inner, faulty } = await given({
      append: (call) => (call === 1 ? 'unavailable' : undefined),
    });
    const result = await handle(faulty, reportShipment(), fast);
    expect([result.appended.map((e) => `${e.revision} ${e.type}`), faulty.calls.appends]).toEqual([
      ['1 ShippedWithTracking', '2 RecallRequested'],
      2,
    ]);
    expect(await typesIn(inner)).toEqual([
      '0 StopRequested',
      '1 ShippedWithTracking',
      '2 RecallRequested',
    ]);
  });

  it('repeats an append that landed but whose reply was lost, without storing it twice', async () => {
    const { inner, faulty } = await given({
      append: (call) => (call === 1 ? 'reply-lost' : undefined),
    });
    const result = await handle(faulty, reportShipment(), fast);
    expect([result.nextExpectedRevision, result.appended.length, faulty.calls.appends]).toEqual([
      2n,
      2,
      2,
    ]);
    expect(await typesIn(inner)).toEqual([
      '0 StopRequested',
      '1 ShippedWithTracking',
      '2 RecallRequested',
    ]);
  });

  it('surfaces STORE_UNAVAILABLE after its repeats, with nothing stored', async () => {
    const { inner, faulty } = await given({ append: () => 'unavailable' });
    expect(await codeOf(handle(faulty, reportShipment(), { ...fast, unavailableRetries: 2 }))).toBe(
      'STORE_UNAVAILABLE',
    );
    expect([faulty.calls.appends, await typesIn(inner)]).toEqual([3, ['0 StopRequested']]);
  });

  it('a caller that resubmits with the same idempotency key after a lost reply stores nothing twice', async () => {
    const { inner, faulty } = await given({ append: () => 'reply-lost' });
    const options = { ...fast, unavailableRetries: 0, idempotencyKey: 'form-77' };
    expect(await codeOf(handle(faulty, reportShipment(), options))).toBe('STORE_UNAVAILABLE');
    const again = await handle(inner, reportShipment(), options);
    expect([again.duplicate, again.appended.map((e) => e.revision)]).toEqual([true, [1n, 2n]]);
    expect(await typesIn(inner)).toEqual([
      '0 StopRequested',
      '1 ShippedWithTracking',
      '2 RecallRequested',
    ]);
  });

  it('repeats a read whose connection dropped midway', async () => {
    const { inner, faulty } = await given({
      read: (call) => (call === 1 ? { dropAfter: 0 } : undefined),
    });
    await handle(inner, {
      type: 'RecordDispute',
      data: { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' },
    });
    const result = await handle(faulty, reportShipment(), fast);
    expect([result.appended.map((e) => e.revision), faulty.calls.reads]).toEqual([[2n, 3n], 3]);
  });

  it('keeps commands apart when appends are slow and race', async () => {
    const { inner, faulty } = await given({ append: (call) => ({ delayMs: call % 3 }) });
    const disputes = ['2026-03-10T08:30:00Z', '2026-03-11T08:30:00Z', '2026-03-12T08:30:00Z'].map(
      (disputedAt) =>
        handle(faulty, { type: 'RecordDispute', data: { orderId: '4711', disputedAt } }, fast),
    );
    await Promise.all([handle(faulty, reportShipment(), fast), ...disputes]);
    const types = await typesIn(inner);
    expect([types.length, types.filter((t) => t.endsWith('Disputed')).length]).toEqual([6, 3]);
  });
});
