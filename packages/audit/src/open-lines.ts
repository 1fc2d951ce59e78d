import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeError, ioError } from './audit-error';

/** The lines of a (possibly gzipped) text file, read as a stream, with how far it got. */
export interface LineSource {
  readonly lines: AsyncIterable<string>;
  /** Bytes of the file read so far (compressed bytes for gzip). */
  bytesRead(): number;
  readonly totalBytes: number;
  readonly gzip: boolean;
  /** Releases the file when the lines will not be read to the end. */
  close(): void;
}

const GZIP_MAGIC = [0x1f, 0x8b];

const looksGzipped = (head: Uint8Array, path: string): boolean =>
  path.endsWith('.gz') || (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]);

const cannotRead = (path: string, error: unknown) =>
  ioError(`cannot read ${path}: ${describeError(error)}`, error);

/**
 * Opens a JSON Lines file for streaming. Gzip is recognised by the `.gz` extension or the
 * magic bytes and inflated through zlib; nothing is held in memory beyond a chunk. A file
 * that cannot be opened rejects with an IO AuditError; a read or inflate failure later
 * rejects the line iteration with one.
 */
export const openLines = async (path: string): Promise<LineSource> => {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  let head: Uint8Array;
  let totalBytes: number;
  try {
    const probe = await handle.read(Buffer.alloc(2), 0, 2, 0);
    head = probe.buffer.subarray(0, probe.bytesRead);
    totalBytes = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw cannotRead(path, error);
  }
  const gzip = looksGzipped(head, path);
  const file = handle.createReadStream({ start: 0, autoClose: true });
  let input: Readable = file;
  if (gzip) {
    const gunzip = createGunzip();
    // Errors of either stream destroy the other; readline then rejects with it.
    pipeline(file, gunzip, () => undefined);
    input = gunzip;
  }
  // readline starts reading at once and drops lines nobody listens to yet: create it only
  // when the caller starts iterating (it may open a store in between).
  async function* readLines(): AsyncGenerator<string> {
    const reader = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const line of reader) yield line;
    } catch (error) {
      throw cannotRead(path, error);
    } finally {
      reader.close();
      file.destroy();
    }
  }
  return {
    lines: readLines(),
    bytesRead: () => file.bytesRead,
    totalBytes,
    gzip,
    close: () => {
      file.destroy();
    },
  };
};
