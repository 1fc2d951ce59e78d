/** A line that could not be handed on as text, and why. */
export type LineProblem =
  | { readonly kind: 'record-too-large'; readonly bytes: number; readonly limit: number }
  | { readonly kind: 'not-utf8' };

/** A line of text (without its line end), or what made it unreadable. */
export type ReadLine = string | LineProblem;

/** 16 MiB: far above any real event, far below what a JavaScript string can hold. */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;
const NOT_UTF8: LineProblem = { kind: 'not-utf8' };

const withoutCarriageReturn = (text: string): string =>
  text.endsWith('\r') ? text.slice(0, -1) : text;

/**
 * Splits bytes into lines at `\n` (a `\r` before it is dropped), decoding each line as
 * UTF-8 with a fatal decoder: bytes that are not UTF-8 give a `not-utf8` line instead of
 * being replaced silently. A line longer than `maxRecordBytes` is not kept: its bytes are
 * counted and dropped as they arrive, and it comes out as `record-too-large`, so memory
 * holds at most about `maxRecordBytes` of one line whatever the input's shape.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<ReadLine> {
  for await (const batch of splitLineBatches(chunks, maxRecordBytes)) yield* batch;
}

/**
 * `splitLines`, the lines that each chunk completes handed on together: one step of the
 * async iteration per chunk rather than per line, so that millions of short (or blank)
 * lines cost little.
 */
export async function* splitLineBatches(
  chunks: AsyncIterable<Uint8Array>,
  maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<ReadLine[]> {
  // ignoreBOM: a byte order mark stays in the text; the caller knows where it is allowed.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (bytes: Uint8Array): ReadLine => {
    try {
      return withoutCarriageReturn(decoder.decode(bytes));
    } catch {
      return NOT_UTF8;
    }
  };
  const lineOf = (bytes: Uint8Array): ReadLine =>
    bytes.length > maxRecordBytes
      ? { kind: 'record-too-large', bytes: bytes.length, limit: maxRecordBytes }
      : decode(bytes);

  // The line being read across chunks.
  let parts: Uint8Array[] = [];
  let held = 0;
  let tooLarge = false;
  const take = (piece: Uint8Array): void => {
    held += piece.length;
    if (tooLarge) return;
    if (held > maxRecordBytes) {
      tooLarge = true;
      parts = [];
      return;
    }
    if (piece.length > 0) parts.push(piece);
  };
  const end = (): ReadLine => {
    const line: ReadLine = tooLarge
      ? { kind: 'record-too-large', bytes: held, limit: maxRecordBytes }
      : decode(parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts));
    parts = [];
    held = 0;
    tooLarge = false;
    return line;
  };

  for await (const chunk of chunks) {
    const first = chunk.indexOf(NEWLINE);
    if (first < 0) {
      take(chunk);
      continue;
    }
    take(chunk.subarray(0, first));
    const batch: ReadLine[] = [end()];
    const last = chunk.lastIndexOf(NEWLINE);
    if (last > first) {
      // Whole lines between the first and the last line end: decoded in one call when
      // they cannot hold a line over the limit (the common case), else line by line.
      const block = chunk.subarray(first + 1, last);
      let text: string | undefined;
      if (block.length <= maxRecordBytes) {
        try {
          text = decoder.decode(block);
        } catch {
          text = undefined;
        }
      }
      if (text !== undefined)
        for (const line of text.split('\n')) batch.push(withoutCarriageReturn(line));
      else {
        let start = 0;
        for (;;) {
          const next = block.indexOf(NEWLINE, start);
          batch.push(lineOf(block.subarray(start, next < 0 ? block.length : next)));
          if (next < 0) break;
          start = next + 1;
        }
      }
    }
    take(chunk.subarray(last + 1));
    yield batch;
  }
  if (held > 0) yield [end()];
}
