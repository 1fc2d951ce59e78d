import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeError, ioError, isAuditError, usageError } from './audit-error';
import { DEFAULT_MAX_INFLATED_BYTES, DEFAULT_MAX_INFLATE_RATIO } from './gzip-defaults';
import { DEFAULT_MAX_RECORD_BYTES, type ReadLine, splitLineBatches } from './split-lines';

/** The lines of a (possibly gzipped) export, read as a stream, with how far it got. */
export interface LineSource {
  /** Each line as text, or as the problem that kept it from being text (too large, not UTF-8). */
  readonly lines: AsyncIterable<ReadLine>;
  /** The same lines, those each chunk completes together (read either, not both). */
  readonly batches: AsyncIterable<readonly ReadLine[]>;
  /** Bytes of the source read so far (compressed bytes for gzip). */
  bytesRead(): number;
  /** The file's size; undefined for stdin, whose size is not known up front. */
  readonly totalBytes: number | undefined;
  /** Whether the source is gzip: known on opening for a file, once read for stdin. */
  gzip(): boolean;
  /** Releases the source when the lines will not be read to the end. */
  close(): void;
}

export interface OpenLinesOptions {
  /** A longer line is not held but given as `record-too-large`; default 16 MiB. */
  readonly maxRecordBytes?: number;
  /** Gzip input inflating past this many times the compressed bytes read is refused; default 100. */
  readonly maxInflateRatio?: number;
  /** Gzip input inflating past this many bytes in all is refused; default 64 GiB. */
  readonly maxInflatedBytes?: number;
  /** What `-` reads; default the process's stdin. */
  readonly stdin?: Readable;
}

/** The path that names stdin. */
export const STDIN_PATH = '-';
export { DEFAULT_MAX_INFLATE_RATIO, DEFAULT_MAX_INFLATED_BYTES } from './gzip-defaults';
// A gzip may always inflate this far, whatever its ratio: a tiny file of blank lines is fine.
const RATIO_FLOOR_BYTES = 1024 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b];

const hasGzipMagic = (head: Uint8Array | undefined): boolean =>
  head !== undefined && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];

const cannotRead = (path: string, error: unknown) =>
  ioError(`cannot read ${path}: ${describeError(error)}`, error);

const kindOf = (stats: Stats): string =>
  stats.isDirectory()
    ? 'a directory'
    : stats.isFIFO()
      ? 'a FIFO'
      : stats.isCharacterDevice()
        ? 'a character device'
        : stats.isBlockDevice()
          ? 'a block device'
          : stats.isSocket()
            ? 'a socket'
            : 'not a regular file';

// Reading a FIFO with no writer, a directory or /dev/zero would hang or never end.
const notRegular = (path: string, stats: Stats) =>
  usageError(
    `${path} is ${kindOf(stats)}, not an export file; give a regular file, - for stdin, or a store`,
  );

const groupedNumber = (value: number): string => value.toLocaleString('en-US');

/**
 * Opens a JSON Lines export for streaming: a regular file, or stdin for `-`. Gzip is
 * recognised by a `.gz` name or the magic bytes and inflated through zlib, within a ratio
 * and a size limit (a decompression bomb is refused with an IO AuditError). Nothing is held
 * in memory beyond a chunk and one line of at most `maxRecordBytes`. A source that cannot
 * be opened rejects with an IO AuditError, one that is not a regular file with a USAGE one;
 * a read or inflate failure later rejects the line iteration with an IO AuditError.
 */
export const openLines = async (
  path: string,
  options: OpenLinesOptions = {},
): Promise<LineSource> => {
  let input: Readable;
  let totalBytes: number | undefined;
  let gzip = path.endsWith('.gz');
  const name = path === STDIN_PATH ? 'stdin' : path;
  if (path === STDIN_PATH) input = options.stdin ?? process.stdin;
  else {
    // stat before open: opening a FIFO that has no writer blocks for ever.
    const stats = await stat(path).catch((error: unknown) => {
      throw cannotRead(path, error);
    });
    if (!stats.isFile()) throw notRegular(path, stats);
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw cannotRead(path, error);
    });
    const opened = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw cannotRead(path, error);
    });
    if (!opened.isFile()) {
      await handle.close();
      throw notRegular(path, opened);
    }
    totalBytes = opened.size;
    // The first bytes now, so that callers know before reading whether it is gzip.
    const probe = await handle.read(Buffer.alloc(2), 0, 2, 0).catch(async (error: unknown) => {
      await handle.close();
      throw cannotRead(path, error);
    });
    gzip ||= hasGzipMagic(probe.buffer.subarray(0, probe.bytesRead));
    input = handle.createReadStream({ start: 0, autoClose: true });
  }
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const maxInflateRatio = options.maxInflateRatio ?? DEFAULT_MAX_INFLATE_RATIO;
  const maxInflatedBytes = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  let read = 0;

  async function* raw(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError('expected bytes');
      read += chunk.length;
      yield chunk;
    }
  }

  async function* inflated(compressed: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    const gunzip = createGunzip();
    // Errors of either stream destroy the other; the iteration below then rejects with it.
    pipeline(Readable.from(compressed), gunzip, () => undefined);
    let out = 0;
    for await (const chunk of gunzip) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError('expected bytes');
      out += chunk.length;
      if (out > maxInflatedBytes)
        throw ioError(
          `${name}: the gzip data inflates past ${groupedNumber(maxInflatedBytes)} bytes; if the export is genuine, raise --max-inflated-bytes`,
        );
      if (out > RATIO_FLOOR_BYTES && out > maxInflateRatio * read)
        throw ioError(
          `${name}: the gzip data inflates past ${maxInflateRatio} times its compressed size (${groupedNumber(out)} bytes from ${groupedNumber(read)}), like a decompression bomb; if the export is genuine, raise --max-inflate-ratio`,
        );
      yield chunk;
    }
  }

  async function* bytes(): AsyncGenerator<Uint8Array> {
    const chunks = raw();
    const first = await chunks.next();
    if (first.done === true) return;
    const head = first.value;
    gzip ||= hasGzipMagic(head);
    async function* all(): AsyncGenerator<Uint8Array> {
      yield head;
      yield* chunks;
    }
    if (gzip) yield* inflated(all());
    else yield* all();
  }

  async function* readBatches(): AsyncGenerator<readonly ReadLine[]> {
    try {
      for await (const batch of splitLineBatches(bytes(), maxRecordBytes)) yield batch;
    } catch (error) {
      if (isAuditError(error)) throw error;
      throw cannotRead(name, error);
    } finally {
      if (path !== STDIN_PATH) input.destroy();
    }
  }
  const batches = readBatches();
  async function* readLines(): AsyncGenerator<ReadLine> {
    for await (const batch of batches) yield* batch;
  }
  return {
    lines: readLines(),
    batches,
    bytesRead: () => read,
    totalBytes,
    gzip: () => gzip,
    close: () => {
      if (path !== STDIN_PATH) input.destroy();
    },
  };
};
