import type { MessageRow } from './message-row';
import { PagedEvents } from './paged-events';

// Pages of one-column rows; the log records what the read did, in order.
const pagesOf = (
  log: string[],
  pages: readonly (readonly number[])[],
  failAfter?: number,
): AsyncGenerator<readonly MessageRow[], void, undefined> =>
  (async function* () {
    try {
      for (const [n, page] of pages.entries()) {
        await Promise.resolve(); // a page arrives later, as from the server
        if (n === failAfter) throw new Error(`page ${n} failed`);
        log.push(`page ${n}`);
        yield page.map((value) => [value]);
      }
    } finally {
      log.push('pages closed');
    }
  })();

const decodeNumber =
  (log: string[]) =>
  (row: MessageRow): number | undefined => {
    const value = row[0];
    if (value === 13) throw new Error('13 does not decode');
    if (typeof value !== 'number' || value < 0) return undefined;
    log.push(`decoded ${value}`);
    return value;
  };

const collect = async (events: AsyncIterable<number>): Promise<number[]> => {
  const seen: number[] = [];
  for await (const event of events) seen.push(event);
  return seen;
};

describe('paged events', () => {
  it('given pages with skipped rows and an empty page, then it yields the events in order, decoding each when it is asked for', async () => {
    const log: string[] = [];
    const events = new PagedEvents(() => {
      log.push('started');
      return { pages: pagesOf(log, [[1, -1, 2], [], [-5], [3]]), decode: decodeNumber(log) };
    });
    expect(log).toEqual([]);

    const first = await events.next();

    expect(first).toEqual({ done: false, value: 1 });
    expect(log).toEqual(['started', 'page 0', 'decoded 1']);
    expect(await collect(events)).toEqual([2, 3]);
    expect(await events.next()).toEqual({ done: true, value: undefined });
    expect(log).toEqual([
      'started',
      'page 0',
      'decoded 1',
      'decoded 2',
      'page 1',
      'page 2',
      'page 3',
      'decoded 3',
      'pages closed',
    ]);
  });

  it('given a start that throws, then the first next rejects with its error and the read is over', async () => {
    const events = new PagedEvents<number>(() => {
      throw new Error('closed store');
    });

    await expect(events.next()).rejects.toThrow('closed store');
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('given a row that does not decode, then the read rejects with that error, closes its pages and is over', async () => {
    const log: string[] = [];
    const events = new PagedEvents(() => ({
      pages: pagesOf(log, [[1], [13, 2], [3]]),
      decode: decodeNumber(log),
    }));

    await expect(collect(events)).rejects.toThrow('13 does not decode');
    expect(log).toEqual(['page 0', 'decoded 1', 'page 1', 'pages closed']);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('given a page that fails, then the read rejects with its error', async () => {
    const log: string[] = [];
    const events = new PagedEvents(() => ({
      pages: pagesOf(log, [[1], [2]], 1),
      decode: decodeNumber(log),
    }));

    await expect(collect(events)).rejects.toThrow('page 1 failed');
    expect(log).toEqual(['page 0', 'decoded 1', 'pages closed']);
  });

  it('given a caller that stops early, then the pages are closed and nothing more is decoded', async () => {
    const log: string[] = [];
    const events = new PagedEvents(() => ({
      pages: pagesOf(log, [[1, 2], [3]]),
      decode: decodeNumber(log),
    }));

    for await (const event of events) if (event === 1) break;

    expect(log).toEqual(['page 0', 'decoded 1', 'pages closed']);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('given two calls made at once while a page is on its way, then they get consecutive events', async () => {
    const log: string[] = [];
    const events = new PagedEvents(() => ({
      pages: pagesOf(log, [[1, 2]]),
      decode: decodeNumber(log),
    }));

    const both = await Promise.all([events.next(), events.next(), events.next()]);

    expect(both).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
      { done: true, value: undefined },
    ]);
  });
});
