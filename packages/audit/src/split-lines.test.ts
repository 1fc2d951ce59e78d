import { DEFAULT_MAX_RECORD_BYTES, type ReadLine, splitLines } from './split-lines';

async function* chunksOf(chunks: readonly (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks)
    yield await Promise.resolve(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
}

const collect = async (lines: AsyncIterable<ReadLine>): Promise<ReadLine[]> => {
  const all: ReadLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
};

describe('splitLines', () => {
  it('splits at \\n across chunks, drops a \\r before it, keeps blank lines and a last line without end', async () => {
    const lines = await collect(
      splitLines(chunksOf(['a\r\nb', 'c\n\nd\ne', 'f', '\ng\n', 'h']), 100),
    );
    expect(lines).toEqual(['a', 'bc', '', 'd', 'ef', 'g', 'h']);
  });

  it('gives a line over the limit as record-too-large with its size, and the lines around it', async () => {
    const lines = await collect(
      splitLines(
        chunksOf(['ok\n', 'x'.repeat(7), 'x'.repeat(7), 'x\nafter\n', 'y'.repeat(11)]),
        10,
      ),
    );
    expect(lines).toEqual([
      'ok',
      { kind: 'record-too-large', bytes: 15, limit: 10 },
      'after',
      { kind: 'record-too-large', bytes: 11, limit: 10 },
    ]);
  });

  it('checks the limit inside a chunk too', async () => {
    const lines = await collect(splitLines(chunksOf(['a\nbbbbbbbbbbbb\nc\nd\n']), 5));
    expect(lines).toEqual(['a', { kind: 'record-too-large', bytes: 12, limit: 5 }, 'c', 'd']);
  });

  it('gives bytes that are not UTF-8 as not-utf8, never as replacement characters', async () => {
    const bad = Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]);
    const split = Uint8Array.from([0xc3]);
    const lines = await collect(
      splitLines(
        chunksOf([
          'one\n',
          bad,
          Buffer.from('\ntwo\nthree \xc3', 'latin1'),
          split,
          Buffer.from([0xa6, 0x0a]),
        ]),
        100,
      ),
    );
    // "three \xc3\xc3\xa6": the lone 0xc3 before a whole "æ" is not UTF-8.
    expect(lines).toEqual(['one', { kind: 'not-utf8' }, 'two', { kind: 'not-utf8' }]);
    const whole = await collect(
      splitLines(chunksOf([Buffer.from([0x61, 0xc3]), Buffer.from([0xa6])])),
    );
    expect(whole).toEqual(['aæ']);
  });

  it('defaults the limit to 16 MiB', () => {
    expect(DEFAULT_MAX_RECORD_BYTES).toBe(16_777_216);
  });
});
