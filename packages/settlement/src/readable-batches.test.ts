import { PassThrough, Readable } from 'node:stream';
import { readableBatches } from './readable-batches';

const collect = async (stream: Readable): Promise<unknown[][]> => {
  const batches: unknown[][] = [];
  for await (const batch of readableBatches(stream)) batches.push(batch);
  return batches;
};

describe('readableBatches: the objects of a stream, a batch per read', () => {
  it('hands out what the stream holds as one batch, and each later write as the next', async () => {
    const stream = new PassThrough({ objectMode: true });
    stream.write(['a']);
    stream.write(['b']);
    const batches = readableBatches(stream);
    expect(await batches.next()).toEqual({ done: false, value: [['a'], ['b']] });
    const next = batches.next();
    stream.write(['c']);
    stream.end();
    expect(await next).toEqual({ done: false, value: [['c']] });
    expect(await batches.next()).toEqual({ done: true, value: undefined });
  });

  it('gives every object of a stream read to its end, in order', async () => {
    const objects = Array.from({ length: 100 }, (_, index) => [String(index)]);
    const batches = await collect(Readable.from(objects));
    expect(batches.flat()).toEqual(objects);
  });

  it('throws the error that ended the stream, once the objects before it are handed out', async () => {
    const stream = new PassThrough({ objectMode: true });
    stream.write(['a']);
    const batches = readableBatches(stream);
    expect(await batches.next()).toEqual({ done: false, value: [['a']] });
    const next = batches.next();
    stream.destroy(new Error('disk gone'));
    await expect(next).rejects.toThrow('disk gone');
  });

  it('destroys the stream when the reader stops early', async () => {
    const stream = new PassThrough({ objectMode: true });
    stream.write(['a']);
    for await (const batch of readableBatches(stream)) {
      expect(batch).toEqual([['a']]);
      break;
    }
    expect(stream.destroyed).toBe(true);
  });
});
