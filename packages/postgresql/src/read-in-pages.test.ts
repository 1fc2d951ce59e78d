import type { RecordedEvent } from '@order-liability/store';
import { collect, codeOf, labelOf, rejectionOf } from './testing/collect';
import { informationRequested } from './testing/case-fixtures';
import { createTestPool, createTestStore, type TestStore } from './testing/test-database';
import { writeRawEvent } from './testing/write-raw-event';

// Reads fetch a page at a time and ask for the next page while the caller works through the
// current one. Whatever the page size, a read hands out exactly the events a single page would.

const pool = createTestPool(4);
let subject: TestStore;

beforeEach(async () => {
  subject = await createTestStore(pool, 'pages', { pageSize: 3 });
});

afterEach(async () => {
  await subject.dispose();
});

afterAll(async () => {
  await pool.end();
});

const topics = (count: number): string[] => Array.from({ length: count }, (_, n) => `q${n}`);

const appendTopics = async (stream: string, count: number): Promise<void> => {
  await subject.store.appendToStream(
    `order-${stream}`,
    topics(count).map((topic) => informationRequested(stream, topic)),
  );
};

describe('reads in pages', () => {
  it.each([
    [8, {}, topics(8)],
    [9, {}, topics(9)],
    [9, { direction: 'backwards' as const }, topics(9).reverse()],
    [9, { fromRevision: 2n, maxCount: 6 }, topics(9).slice(2, 8)],
    [
      9,
      { fromRevision: 7n, maxCount: 6, direction: 'backwards' as const },
      topics(8).slice(2).reverse(),
    ],
    [9, { maxCount: 6 }, topics(6)],
  ])(
    'given a stream of %i events and a page size of 3, when read with %j, then it yields exactly %j',
    async (count, options, expected) => {
      await appendTopics('a', count);

      const events: RecordedEvent[] = await collect(subject.store.readStream('order-a', options));

      expect(events.map(labelOf)).toEqual(expected);
    },
  );

  it('given 9 events in 2 streams and a page size of 3, when readAll stops after the first event, then a later read still yields every event', async () => {
    await appendTopics('a', 5);
    await appendTopics('b', 4);
    const expected = [...topics(5), ...topics(4)];

    for await (const event of subject.store.readAll()) {
      expect(labelOf(event)).toBe('q0');
      break;
    }
    const all = await collect(subject.store.readAll());
    const six = await collect(subject.store.readAll({ maxCount: 6 }));

    expect(all.map(labelOf)).toEqual(expected);
    expect(six.map(labelOf)).toEqual(expected.slice(0, 6));
  });

  it.each([
    ['readAll', (): AsyncIterable<RecordedEvent> => subject.store.readAll()],
    ['readStream', (): AsyncIterable<RecordedEvent> => subject.store.readStream('order-a')],
  ])(
    'given 5 events and a page size of 3, when %s hands out its first event, then the query of the second page has already gone to the server',
    async (_read, read) => {
      await appendTopics('a', 5);
      let queriesSent = 0;
      const countQuery = (): void => {
        queriesSent += 1;
      };
      // The pool emits 'acquire' as it gives a query its connection, right before sending it.
      pool.on('acquire', countQuery);
      try {
        const events = read()[Symbol.asyncIterator]();
        const first = await events.next();
        const sentByFirstEvent = queriesSent;
        const rest = await collect({ [Symbol.asyncIterator]: () => events });

        expect(first.done === true ? undefined : labelOf(first.value)).toBe('q0');
        expect(sentByFirstEvent).toBe(2);
        expect(rest.map(labelOf)).toEqual(topics(5).slice(1));
      } finally {
        pool.off('acquire', countQuery);
      }
    },
  );

  it('given an invalid event on the third page, then readAll yields the six events before it and rejects with INVALID_EVENT; with a handler it reports it and goes on', async () => {
    await appendTopics('a', 6);
    await writeRawEvent(
      pool,
      'order-a',
      { type: 'Nonsense', data: {}, metadata: {} },
      subject.schema,
    );
    await appendTopics('b', 2);
    const seen: string[] = [];
    const reported: unknown[] = [];

    const rejection = await rejectionOf(
      (async () => {
        for await (const event of subject.store.readAll()) seen.push(labelOf(event));
      })(),
    );
    const handled = await collect(
      subject.store.readAll({ onInvalidEvent: (error) => reported.push(codeOf(error)) }),
    );

    expect(seen).toEqual(topics(6));
    expect(codeOf(rejection)).toBe('INVALID_EVENT');
    expect(handled.map(labelOf)).toEqual([...topics(6), ...topics(2)]);
    expect(reported).toEqual(['INVALID_EVENT']);
  });
});
