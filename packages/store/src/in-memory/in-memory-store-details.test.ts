import { randomUUID } from 'node:crypto';
import { emptyUpcasters } from '../upcasting';
import type { RecordedEvent } from '../port';
import { RawWritingInMemoryEventStore } from '../testing/raw-writing-in-memory-event-store';
import { InMemoryEventStore } from './in-memory-event-store';

const disputed = (orderId = '4711') => ({
  type: 'Disputed',
  data: { orderId, disputedAt: '2026-03-10T08:30:00Z' },
});

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const seen: RecordedEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
};

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
};

const messageOf = (error: unknown): unknown =>
  error instanceof Error ? [error.name, error.message] : error;

describe('InMemoryEventStore (beyond the contract)', () => {
  it('given events in several streams, then positions count every event written from 1, system streams included', async () => {
    const store = new RawWritingInMemoryEventStore();
    await store.appendToStream('order-a', [disputed('a')]);
    await store.writeRaw('$system', { ...disputed(), metadata: {} });
    const b = await store.appendToStream('order-b', [disputed('b'), disputed('b')]);

    const all = await collect(store.readAll());

    expect(b).toEqual({ nextExpectedRevision: 1n, position: { commit: 4n, prepare: 4n } });
    expect(
      all.map((event) => [event.streamId, event.position.commit, event.position.prepare]),
    ).toEqual([
      ['order-a', 1n, 1n],
      ['order-b', 3n, 3n],
      ['order-b', 4n, 4n],
    ]);
    expect(
      (await collect(store.readAll({ fromPosition: { commit: 0n, prepare: 0n } }))).length,
    ).toBe(3);
  });

  it('given an injected clock, then recordedAt is exactly its time', async () => {
    const store = new InMemoryEventStore({ now: () => new Date('2026-03-12T10:00:00.250Z') });
    await store.appendToStream('order-4711', [disputed()]);

    expect(
      (await collect(store.readStream('order-4711'))).map((e) => e.metadata.recordedAt),
    ).toEqual(['2026-03-12T10:00:00.250Z']);
  });

  it('given an append whose eventIds are only partly stored, then it is INVALID_EVENT and nothing is written', async () => {
    const store = new InMemoryEventStore();
    const stored = randomUUID();
    await store.appendToStream('order-4711', [{ ...disputed(), metadata: { eventId: stored } }]);

    const error = await rejectionOf(
      store.appendToStream('order-4711', [
        { ...disputed(), metadata: { eventId: stored } },
        { ...disputed(), metadata: { eventId: randomUUID() } },
      ]),
    );

    expect(error).toMatchObject({
      code: 'INVALID_EVENT',
      message: `Invalid event in stream order-4711: eventIds ${stored} are already stored in this stream but other events of the append are not; retry an append with exactly its original events`,
    });
    expect((await collect(store.readStream('order-4711'))).length).toBe(1);
  });

  it('given an eventId stored in another stream, then it is stored again: ids are unique per stream', async () => {
    const store = new InMemoryEventStore();
    const eventId = randomUUID();
    await store.appendToStream('order-a', [{ ...disputed('a'), metadata: { eventId } }]);

    const other = await store.appendToStream('order-b', [
      { ...disputed('b'), metadata: { eventId } },
    ]);

    expect(other.position).toEqual({ commit: 2n, prepare: 2n });
  });

  it('given the data passed to append or read back is changed afterwards, then the stored event is not', async () => {
    const store = new InMemoryEventStore();
    const data = { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' };
    await store.appendToStream('order-4711', [{ type: 'Disputed', data }]);
    data.orderId = 'changed';
    const [first] = await collect(store.readStream('order-4711'));
    if (first?.type === 'Disputed') Reflect.set(first.data, 'disputedAt', 'changed');

    expect((await collect(store.readStream('order-4711'))).map((e) => e.data)).toEqual([
      { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' },
    ]);
  });

  it('given a read under way, when the store closes, then the next step rejects with STORE_UNAVAILABLE', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('order-4711', [disputed(), disputed()]);
    const reading = store.readStream('order-4711')[Symbol.asyncIterator]();

    const first = await reading.next();
    await store.close();

    expect(first.done).toBe(false);
    await expect(reading.next()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('given a closed store, then closing again resolves and writeRaw rejects with STORE_UNAVAILABLE', async () => {
    const store = new RawWritingInMemoryEventStore();
    await store.close();

    await expect(store.close()).resolves.toBeUndefined();
    await expect(
      store.writeRaw('order-4711', { ...disputed(), metadata: {} }),
    ).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message:
        'The event store is unavailable: the in-memory store was closed. Retry later, or check the connection.',
    });
  });

  it('given a read started before an append, then it yields the stream as it was when the read began', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('order-4711', [disputed()]);
    const reading = store.readStream('order-4711')[Symbol.asyncIterator]();
    const all = store.readAll()[Symbol.asyncIterator]();

    const first = await reading.next();
    const firstOfAll = await all.next();
    await store.appendToStream('order-4711', [disputed()]);

    expect([first.done, firstOfAll.done]).toEqual([false, false]);
    expect([(await reading.next()).done, (await all.next()).done]).toEqual([true, true]);
  });

  it('given no upcasters, then a schema-0 event cannot be appended, since it cannot be checked', async () => {
    const store = new InMemoryEventStore({ upcasters: emptyUpcasters });
    const data = {
      orderId: '4711',
      carrier: 'PostNord',
      trackingNo: 'PN-1',
      shippedAt: '2026-03-01T15:00:00Z',
      reportedAt: '2026-03-02T12:00:00Z',
    };

    await expect(
      store.appendToStream('order-4711', [
        { type: 'ShippedWithTracking', data, metadata: { schemaVersion: 0 } },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_EVENT' });
  });

  describe('malformed options from plain JavaScript', () => {
    // The store as plain JavaScript sees it: any argument goes (method parameters are bivariant).
    interface UntypedStore {
      appendToStream(...args: unknown[]): Promise<unknown>;
      readStream(...args: unknown[]): AsyncIterable<unknown>;
      readAll(...args: unknown[]): AsyncIterable<unknown>;
    }
    const untyped = async (): Promise<UntypedStore> => {
      const store = new InMemoryEventStore();
      await store.appendToStream('order-4711', [disputed()]);
      return store;
    };
    const firstStep = (iterable: AsyncIterable<unknown>) => iterable[Symbol.asyncIterator]().next();

    it.each<[string, (store: UntypedStore) => Promise<unknown>, string]>([
      [
        "appendToStream('')",
        (store) => store.appendToStream('', [disputed()]),
        'streamName: expected a non-empty stream name such as order-4711, got "" (string).',
      ],
      [
        "appendToStream('order-\\uD800') (a lone surrogate, which PostgreSQL would keep as U+FFFD)",
        (store) => store.appendToStream('order-\uD800', [disputed()]),
        'streamName: expected well-formed Unicode text (no lone UTF-16 surrogate, no NUL character), got "order-\\ud800" (string).',
      ],
      [
        'appendToStream with expectedRevision 0 (a number)',
        (store) => store.appendToStream('order-4711', [disputed()], { expectedRevision: 0 }),
        "expectedRevision: expected 'any', 'no-stream', 'stream-exists' or a revision such as 0n (a bigint from 0n to 18446744073709551615n), got 0 (number).",
      ],
      [
        'appendToStream with expectedRevision -1n',
        (store) => store.appendToStream('order-4711', [disputed()], { expectedRevision: -1n }),
        "expectedRevision: expected 'any', 'no-stream', 'stream-exists' or a revision such as 0n (a bigint from 0n to 18446744073709551615n), got -1n (bigint).",
      ],
      [
        "appendToStream with options 'any'",
        (store) => store.appendToStream('order-4711', [disputed()], 'any'),
        'options: expected an object or nothing, got "any" (string).',
      ],
      [
        'readStream with fromRevision 1 (a number)',
        (store) => firstStep(store.readStream('order-4711', { fromRevision: 1 })),
        'fromRevision: expected a revision such as 0n (a bigint from 0n to 18446744073709551615n), got 1 (number).',
      ],
      [
        'readStream with maxCount -1',
        (store) => firstStep(store.readStream('order-4711', { maxCount: -1 })),
        'maxCount: expected a whole number of events, 0 or more, got -1 (number).',
      ],
      [
        "readStream with direction 'up'",
        (store) => firstStep(store.readStream('order-4711', { direction: 'up' })),
        `direction: expected 'forwards' or 'backwards', got "up" (string).`,
      ],
      [
        'readStream with onInvalidEvent true',
        (store) => firstStep(store.readStream('order-4711', { onInvalidEvent: true })),
        'onInvalidEvent: expected a function, got true (boolean).',
      ],
      [
        'readAll with fromPosition 5',
        (store) => firstStep(store.readAll({ fromPosition: 5 })),
        'fromPosition: expected a position { commit, prepare } of bigints from 0n to 18446744073709551615n, as read, got 5 (number).',
      ],
      [
        'readAll with maxCount 1.5',
        (store) => firstStep(store.readAll({ maxCount: 1.5 })),
        'maxCount: expected a whole number of events, 0 or more, got 1.5 (number).',
      ],
    ])(
      '%s rejects with an InvalidArgumentError, a TypeError (reads on their first next())',
      async (_, call, message) => {
        const store = await untyped();
        const error = await rejectionOf(call(store));

        expect(messageOf(error)).toEqual(['InvalidArgumentError', message]);
        expect(error).toBeInstanceOf(TypeError);
        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
      },
    );

    it('maxCount 0 yields nothing', async () => {
      const store = new InMemoryEventStore();
      await store.appendToStream('order-4711', [disputed()]);

      expect([
        (await collect(store.readStream('order-4711', { maxCount: 0 }))).length,
        (await collect(store.readStream('order-4711', { maxCount: 0, direction: 'backwards' })))
          .length,
        (await collect(store.readAll({ maxCount: 0 }))).length,
      ]).toEqual([0, 0, 0]);
    });
  });

  it('given an appended event, then every read hands out the same deeply frozen event, and no caller can change what is stored', async () => {
    const store = new InMemoryEventStore();
    const given = {
      type: 'StopRequested',
      data: {
        orderId: '4711',
        merchantId: 'm-1',
        purchaseKind: 'goods',
        currency: 'DKK',
        totalAmount: 125000,
        totalTaxAmount: 25000,
        requestedAt: '2026-03-02T09:00:00Z',
        riskNotes: ['velocity'],
      },
    };
    await store.appendToStream('order-4711', [given]);
    given.data.riskNotes.push('changed after the append');

    const [first] = await collect(store.readStream('order-4711'));
    const [again] = await collect(store.readAll());
    const notes = first?.type === 'StopRequested' ? first.data.riskNotes : undefined;
    const change = (): void => {
      if (notes !== undefined) Reflect.apply(Array.prototype.push, notes, ['changed by a reader']);
    };

    expect([first === again, Object.isFrozen(first), Object.isFrozen(first?.data)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([Object.isFrozen(first?.metadata), Object.isFrozen(notes)]).toEqual([true, true]);
    expect(change).toThrow(TypeError);
    expect(Object.isFrozen(given.data)).toBe(false);
    expect(
      (await collect(store.readStream('order-4711'))).map((e) =>
        e.type === 'StopRequested' ? e.data.riskNotes : undefined,
      ),
    ).toEqual([['velocity']]);
  });
});
