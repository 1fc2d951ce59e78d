import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { SettlementError } from './settlement-error';

const describe = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/**
 * The text of a file as UTF-8 chunks, gunzipped when its name ends in `.gz`. Failures to
 * open, read or gunzip it reject as an IO SettlementError naming the file.
 */
export async function* readTextChunks(path: string): AsyncGenerator<string> {
  const file = createReadStream(path);
  const source = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  // pipe does not pass the file's errors on: end the gunzip with them.
  if (source !== file)
    file.on('error', (error) => {
      source.destroy(error);
    });
  source.setEncoding('utf8');
  try {
    for await (const chunk of source) {
      if (typeof chunk === 'string') yield chunk;
    }
  } catch (error) {
    throw new SettlementError('IO', `cannot read ${path}: ${describe(error)}`, error);
  } finally {
    file.destroy();
    source.destroy();
  }
}
