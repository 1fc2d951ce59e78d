import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeError, ioError } from './audit-error';
import { DEFAULT_MAX_RECORD_BYTES, type ReadLine, splitLines } from './split-lines';

/** The lines of a (possibly gzipped) text file, read as a stream, with how far it got. */
export interface LineSource {
  /** Each line as text, or as the problem that kept it from being text (too large, not UTF-8). */
  readonly lines: AsyncIterable<ReadLine>;
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

// A stream in paused mode read chunk by chunk, with backpressure.
async function* chunksOf(input: Readable): AsyncGenerator<Uint8Array> {
  for await (const chunk of input) {
    if (chunk instanceof Uint8Array) yield chunk;
    else throw new TypeError('expected bytes from the file');
  }
}

const cannotRead = (path: string, error: unknown) =>
  ioError(`cannot read ${path}: ${describeError(error)}`, error);

export interface OpenLinesOptions {
  /** A longer line is not held but given as `record-too-large`; default 16 MiB. */
  readonly maxRecordBytes?: number;
}

/**
 * Opens a JSON Lines file for streaming. Gzip is recognised by the `.gz` extension or the
 * magic bytes and inflated through zlib; nothing is held in memory beyond a chunk. A file
 * that cannot be opened rejects with an IO AuditError; a read or inflate failure later
 * rejects the line iteration with one.
 */
export const openLines = async (
  path: string,
  options: OpenLinesOptions = {},
): Promise<LineSource> => {
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
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  async function* readLines(): AsyncGenerator<ReadLine> {
    try {
      for await (const line of splitLines(chunksOf(input), maxRecordBytes)) yield line;
    } catch (error) {
      throw cannotRead(path, error);
    } finally {
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
