import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { SettlementError } from './settlement-error';

const describe = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/**
 * The bytes of a file, gunzipped when its name ends in `.gz`. Failures to open, read or gunzip
 * it reject as an IO SettlementError naming the file.
 */
export async function* readByteChunks(path: string): AsyncGenerator<Buffer> {
  const file = createReadStream(path);
  const source = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  // pipe does not pass the file's errors on: end the gunzip with them.
  if (source !== file)
    file.on('error', (error) => {
      source.destroy(error);
    });
  try {
    for await (const chunk of source) {
      if (Buffer.isBuffer(chunk)) yield chunk;
    }
  } catch (error) {
    throw new SettlementError('IO', `cannot read ${path}: ${describe(error)}`, error);
  } finally {
    file.destroy();
    source.destroy();
  }
}

/** Byte chunks as UTF-8 text chunks (a character split between chunks is kept whole). */
export async function* utf8Chunks(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of bytes) {
    const text = decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
