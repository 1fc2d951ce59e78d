import { PassThrough } from 'node:stream';
import { readableEntries } from './readable-entries';

interface Entry {
  readonly n: number;
}
const isEntry = (chunk: unknown): chunk is Entry =>
  typeof chunk === 'object' && chunk !== null && typeof Reflect.get(chunk, 'n') === 'number';

/** Everything the iterator gives until it ends, and how it ended. */
const drain = async (iterator: AsyncIterator<Entry, undefined>): Promise<unknown[]> => {
  const seen: unknown[] = [];
  try {
    for (;;) {
      const result = await iterator.next();
      if (result.done === true) return [...seen, 'done'];
      seen.push(result.value.n);
    }
  } catch (error) {
    return [...seen, error instanceof Error ? `error: ${error.message}` : error];
  }
};

const later = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the entries of a client read, straight off its readable', () => {
  it('given entries buffered and entries arriving later, then it gives them all in order, then done', async () => {
    const read = new PassThrough({ objectMode: true });
    read.write({ n: 1 });
    read.write({ n: 2 });
    const entries = drain(readableEntries(read, isEntry));
    await later();
    read.write({ n: 3 });
    await later();
    read.end({ n: 4 });

    expect(await entries).toEqual([1, 2, 3, 4, 'done']);
  });

  it('given an error event after some entries, then the entries buffered come first, then the error', async () => {
    const read = new PassThrough({ objectMode: true });
    read.write({ n: 1 });
    const iterator = readableEntries(read, isEntry);
    read.emit('error', new Error('stream not found'));

    expect(await drain(iterator)).toEqual([1, 'error: stream not found']);
  });

  it('given a read destroyed before its end, then waiting fails as a premature close', async () => {
    const read = new PassThrough({ objectMode: true });
    const entries = drain(readableEntries(read, isEntry));
    await later();
    read.destroy();

    expect(await entries).toEqual(['error: Premature close']);
  });

  it('given a chunk that is not an entry, then it fails naming what came', async () => {
    const read = new PassThrough({ objectMode: true });
    read.end('text');

    expect(await drain(readableEntries(read, isEntry))).toEqual([
      "error: the client's read gave a string, not an entry",
    ]);
  });
});
