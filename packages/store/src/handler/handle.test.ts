import { assessLiability, fold } from '@order-liability/domain';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { EventStoreError, wrongExpectedVersion } from '../errors';
import type { EventStore, RecordedEvent } from '../port';
import {
  bookSettlement,
  concludeFraud,
  confirmStopped,
  countingConflicts,
  coveredLines,
  recordDispute,
  reportShipment,
  requestStop,
  STREAM,
} from '../__fixtures__/case';
import { CommandRejectedError } from './command-rejected-error';
import { handle } from './handle';
import { DEFAULT_RETRIES } from './handle-options';

const readAll = async (store: EventStore, streamName = STREAM): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamName)) events.push(event);
  return events;
};

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
};

// A deliberately untyped call, as plain JavaScript would make it.
const fromJavaScript = (...args: unknown[]): Promise<unknown> => {
  const result: unknown = Reflect.apply(handle, undefined, args);
  return Promise.resolve(result);
};

const fixedClock = () => new Date('2026-03-02T09:00:05.000Z');

describe('handle', () => {
  it('given no stream, when RequestStop is handled, then StopRequested is appended at revision 0 with the given metadata', async () => {
    const store = new InMemoryEventStore({ now: fixedClock });

    const result = await handle(store, requestStop(), {
      idempotencyKey: 'form-1',
      correlationId: 'case-4711',
      causationId: 'risk-review-9',
    });

    expect(result.streamName).toBe('order-4711');
    expect(result.duplicate).toBe(false);
    expect(result.attempts).toBe(1);
    expect(result.nextExpectedRevision).toBe(0n);
    expect(
      result.appended.map((event) => [event.streamId, event.revision, event.type, event.data]),
    ).toEqual([['order-4711', 0n, 'StopRequested', requestStop().data]]);
    expect(result.appended.map((event) => ({ ...event.metadata, eventId: 'generated' }))).toEqual([
      {
        eventId: 'generated',
        recordedAt: '2026-03-02T09:00:05.000Z',
        correlationId: 'case-4711',
        causationId: 'risk-review-9',
        idempotencyKey: 'form-1',
        schemaVersion: 1,
      },
    ]);
    expect(result.appended).toEqual(await readAll(store));
    // The decision is the domain's on the stored history (SR-13).
    expect(result.decision).toEqual(assessLiability(fold(await readAll(store))));
    expect([
      result.decision.status,
      result.decision.liability,
      result.decision.settlementLines,
    ]).toEqual(['awaiting-merchant-response', 'undetermined', []]);
    expect(result.state).toEqual(fold(await readAll(store)));
  });

  it('given a whole case, when each command is handled in turn, then the stream holds every event and the settlement books the covered lines', async () => {
    const store = new InMemoryEventStore();

    const results = [];
    for (const command of [
      requestStop(),
      reportShipment(),
      recordDispute,
      concludeFraud,
      bookSettlement,
    ])
      results.push(await handle(store, command));

    expect(results.map((r) => [r.nextExpectedRevision, r.appended.map((e) => e.type)])).toEqual([
      [0n, ['StopRequested']],
      [2n, ['ShippedWithTracking', 'RecallRequested']],
      [3n, ['Disputed']],
      [4n, ['InvestigationConcluded']],
      [5n, ['SettlementBooked']],
    ]);
    expect((await readAll(store)).map((event) => [event.revision, event.type])).toEqual([
      [0n, 'StopRequested'],
      [1n, 'ShippedWithTracking'],
      [2n, 'RecallRequested'],
      [3n, 'Disputed'],
      [4n, 'InvestigationConcluded'],
      [5n, 'SettlementBooked'],
    ]);
    const last = results[results.length - 1];
    expect(last?.appended[0]?.data).toEqual({
      orderId: '4711',
      bookedAt: '2026-03-21T10:00:00Z',
      lines: coveredLines,
      liability: 'klarna',
      exposure: [
        {
          key: 'PN-1',
          gross: 125000,
          tax: 25000,
          currency: 'DKK',
          covered: true,
          rules: ['SR-5', 'SR-10'],
        },
      ],
      reasons: ['SR-5', 'SR-10', 'SR-7', 'SR-9'],
    });
    expect([
      last?.decision.status,
      last?.decision.liability,
      last?.decision.settlementLines,
    ]).toEqual(['settled', 'klarna', coveredLines]);
  });

  it('given a policy override, when the case is decided, then the decision follows it (A-6)', async () => {
    // The shipment is reported 27 hours after the stop request: late under the default 24-hour
    // deadline, in time under a 48-hour one.
    const decideWith = async (policy: { responseDeadlineHours: number } | undefined) => {
      const store = new InMemoryEventStore();
      for (const command of [requestStop(), reportShipment('2026-03-03T12:00:00Z'), recordDispute])
        await handle(store, command, { policy });
      return (await handle(store, concludeFraud, { policy })).decision;
    };

    const strict = await decideWith(undefined);
    const relaxed = await decideWith({ responseDeadlineHours: 48 });

    expect([strict.liability, strict.settlementLines]).toEqual(['merchant', [coveredLines[0]]]);
    expect([relaxed.liability, relaxed.settlementLines]).toEqual(['klarna', coveredLines]);
  });
});

describe('handle: refusals', () => {
  it('given a shipped order, when ConfirmStopped is handled, then it rejects with ALREADY_SHIPPED and the stream is unchanged', async () => {
    const store = new InMemoryEventStore();
    await handle(store, requestStop());
    await handle(store, reportShipment());
    const before = await readAll(store);

    const error = await rejectionOf(handle(store, confirmStopped));

    expect(error).toBeInstanceOf(CommandRejectedError);
    expect(error).toMatchObject({
      name: 'CommandRejectedError',
      code: 'ALREADY_SHIPPED',
      domainError: {
        code: 'ALREADY_SHIPPED',
        message:
          'Parcels of this order are already reported as shipped, so it cannot be stopped. Register returned parcels with RegisterReturn instead.',
      },
    });
    expect(await readAll(store)).toEqual(before);
  });

  it('given no stream, when a dispute is recorded, then it rejects with STOP_NOT_REQUESTED and no stream is created', async () => {
    const store = new InMemoryEventStore();

    const error = await rejectionOf(handle(store, recordDispute));

    expect(error).toMatchObject({ code: 'STOP_NOT_REQUESTED' });
    expect(await rejectionOf(readAll(store))).toMatchObject({
      code: 'STREAM_NOT_FOUND',
      streamId: STREAM,
    });
  });

  it('when the command is malformed (a plain-JavaScript caller), then it rejects with INVALID_COMMAND or INVALID_AMOUNT', async () => {
    const store = new InMemoryEventStore();
    const unknownType: unknown = { type: 'ShipFaster', data: { orderId: '4711' } };
    const fractional: unknown = {
      type: 'RequestStop',
      data: { ...requestStop().data, totalAmount: 1.5 },
    };

    const errors = await Promise.all(
      [unknownType, fractional, null].map((command) => rejectionOf(fromJavaScript(store, command))),
    );

    expect(
      errors.map((error) => (error instanceof CommandRejectedError ? error.code : error)),
    ).toEqual(['INVALID_COMMAND', 'INVALID_AMOUNT', 'INVALID_COMMAND']);
    expect(await rejectionOf(readAll(store))).toMatchObject({ code: 'STREAM_NOT_FOUND' });
  });

  it('when an option is malformed, then it rejects with a TypeError saying what to pass', async () => {
    const store = new InMemoryEventStore();

    const errors = await Promise.all([
      rejectionOf(handle(store, requestStop(), { retries: -1 })),
      rejectionOf(handle(store, requestStop(), { idempotencyKey: '' })),
    ]);

    expect(errors.map((error) => (error instanceof TypeError ? error.message : error))).toEqual([
      'retries: expected a whole number, 0 or more, got -1 (number).',
      'idempotencyKey: expected a non-empty text, got "" (string).',
    ]);
  });
});

describe('handle: idempotency', () => {
  it('given a dispute recorded with an idempotency key, when the same submission comes again, then nothing is appended and the first outcome is returned', async () => {
    const store = new InMemoryEventStore();
    await handle(store, requestStop());
    const first = await handle(store, recordDispute, { idempotencyKey: 'form-77' });

    const second = await handle(store, recordDispute, { idempotencyKey: 'form-77' });

    expect(second).toEqual({ ...first, duplicate: true });
    expect((await readAll(store)).map((event) => event.type)).toEqual([
      'StopRequested',
      'Disputed',
    ]);
  });

  it('given later events, when an earlier submission comes again, then it returns that submission as it was decided then', async () => {
    const store = new InMemoryEventStore();
    await handle(store, requestStop());
    const first = await handle(store, reportShipment(), { idempotencyKey: 'form-shipment' });
    await handle(store, recordDispute);

    const again = await handle(store, reportShipment(), { idempotencyKey: 'form-shipment' });

    expect(again.duplicate).toBe(true);
    expect(again.nextExpectedRevision).toBe(2n);
    expect(again.appended.map((event) => [event.revision, event.type])).toEqual([
      [1n, 'ShippedWithTracking'],
      [2n, 'RecallRequested'],
    ]);
    expect(again.decision).toEqual(first.decision);
    expect(again.state).toEqual(first.state);
    expect((await readAll(store)).length).toBe(4);
  });

  it('given a key used once, when a different key comes with the same command, then it is recorded again', async () => {
    const store = new InMemoryEventStore();
    await handle(store, requestStop());
    await handle(store, recordDispute, { idempotencyKey: 'form-1' });

    const other = await handle(store, recordDispute, { idempotencyKey: 'form-2' });

    expect([other.duplicate, other.nextExpectedRevision]).toEqual([false, 2n]);
  });
});

describe('handle: concurrency', () => {
  const alwaysConflicting = (store: EventStore) => {
    let appends = 0;
    const conflicting: EventStore = {
      appendToStream: (streamName) => {
        appends += 1;
        return Promise.reject(wrongExpectedVersion(streamName, 0n, 1n));
      },
      readStream: (streamName, options) => store.readStream(streamName, options),
      readAll: (options) => store.readAll(options),
      close: () => store.close(),
    };
    return { store: conflicting, appends: () => appends };
  };

  it('given a store where every append conflicts, when handled with 3 retries, then it rejects with WRONG_EXPECTED_VERSION after exactly 4 appends', async () => {
    const inner = new InMemoryEventStore();
    await handle(inner, requestStop());
    const { store, appends } = alwaysConflicting(inner);

    const error = await rejectionOf(handle(store, recordDispute, { retries: 3 }));

    expect(error).toBeInstanceOf(EventStoreError);
    expect(error).toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
      streamId: STREAM,
      expected: 0n,
      actual: 1n,
    });
    expect(appends()).toBe(4);
  });

  it(`given a store where every append conflicts, when handled with default retries, then it gives up after ${DEFAULT_RETRIES + 1} appends`, async () => {
    const inner = new InMemoryEventStore();
    await handle(inner, requestStop());
    const { store, appends } = alwaysConflicting(inner);

    await expect(handle(store, recordDispute)).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
    });
    expect([DEFAULT_RETRIES, appends()]).toEqual([5, 6]);
  });

  it('given a concurrent write between read and append, when handled, then it reads again, decides again and succeeds on the second attempt', async () => {
    const inner = new InMemoryEventStore();
    await handle(inner, requestStop());
    let interfered = false;
    const racing: EventStore = {
      ...countingConflicts(inner).store,
      appendToStream: async (streamName, events, options) => {
        if (!interfered) {
          interfered = true;
          await handle(inner, recordDispute);
        }
        return inner.appendToStream(streamName, events, options);
      },
    };

    const result = await handle(racing, concludeFraud);

    expect([result.attempts, result.nextExpectedRevision]).toEqual([2, 2n]);
    expect((await readAll(inner)).map((event) => event.type)).toEqual([
      'StopRequested',
      'Disputed',
      'InvestigationConcluded',
    ]);
  });

  it('given a closed store, when handled, then it rejects with STORE_UNAVAILABLE without retrying', async () => {
    const inner = new InMemoryEventStore();
    const { store, appends } = countingConflicts(inner);
    await store.close();

    await expect(handle(store, requestStop())).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(appends()).toBe(0);
  });
});
