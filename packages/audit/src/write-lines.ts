import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { describeError, ioError } from './audit-error';

const CHUNK_CHARS = 64 * 1024;

/**
 * Writes lines (each followed by a newline) to a file, gzipped when the name ends in
 * `.gz`. Streams with backpressure, so a large export never piles up in memory. Resolves
 * with the number of lines written. A failure of `lines` rejects with that same error; a
 * failure to write rejects with an IO AuditError.
 */
export const writeLines = async (
  path: string,
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<number> => {
  let count = 0;
  // Set from inside the generator, so kept in an object the compiler does not narrow.
  const source = { failed: false };
  // Lines are batched into chunks: one stream write per line would dominate the time.
  async function* chunks(): AsyncGenerator<string> {
    let chunk = '';
    try {
      for await (const line of lines) {
        count += 1;
        chunk += `${line}\n`;
        if (chunk.length >= CHUNK_CHARS) {
          yield chunk;
          chunk = '';
        }
      }
    } catch (error) {
      source.failed = true;
      throw error;
    }
    if (chunk !== '') yield chunk;
  }
  const readable = Readable.from(chunks());
  const file = createWriteStream(path);
  try {
    if (path.endsWith('.gz')) await pipeline(readable, createGzip(), file);
    else await pipeline(readable, file);
  } catch (error) {
    if (source.failed) throw error;
    throw ioError(`cannot write ${path}: ${describeError(error)}`, error);
  }
  return count;
};
