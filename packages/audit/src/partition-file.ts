import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { describeError, ioError } from './audit-error';
import { isRecord } from './is-record';
import type { InvalidEntry } from './report';
import type { SourceItem } from './source-item';

const CHUNK_CHARS = 64 * 1024;
const INVALID_MARK = 'I';
const NO_LINE = '-';

/**
 * A temporary file holding the records of some streams, one a line:
 * `<seq> <line or -> <record JSON>`, or `<seq> I <invalid entry JSON>`. Writes are batched
 * and wait for the disk when it lags, so memory stays bounded.
 */
export class PartitionWriter {
  private readonly stream: WriteStream;
  private chunk = '';
  private failure: unknown;
  /** Bytes written so far (all of them, once closed). */
  bytes = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  async writeItem(seq: number, item: SourceItem): Promise<void> {
    switch (item.kind) {
      case 'invalid':
        this.chunk += `${seq} ${INVALID_MARK} ${JSON.stringify(item.entry)}\n`;
        break;
      case 'line':
        this.chunk += `${seq} ${item.line ?? NO_LINE} ${item.text}\n`;
        break;
      case 'raw': {
        const { streamId, revision, type, data, metadata } = item;
        const text = JSON.stringify({ streamId, revision, type, data, metadata });
        this.chunk += `${seq} ${item.line ?? NO_LINE} ${text}\n`;
        break;
      }
      case 'decoded': {
        const { streamId, revision, event } = item;
        const text = JSON.stringify({ streamId, revision, type: event.type, data: event.data });
        this.chunk += `${seq} ${NO_LINE} ${text}\n`;
        break;
      }
    }
    if (this.chunk.length >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    this.check();
    const chunk = this.chunk;
    this.chunk = '';
    this.bytes += Buffer.byteLength(chunk);
    if (chunk === '' || this.stream.write(chunk)) return;
    await this.settle(once(this.stream, 'drain'));
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    if (!this.stream.closed) await this.settle(once(this.stream, 'close'));
    this.check();
  }

  // A wait that the stream's error ends is a failure like any other: one IO error for all.
  private async settle(waiting: Promise<unknown>): Promise<void> {
    try {
      await waiting;
    } catch (error) {
      this.failure ??= error;
    }
    this.check();
  }

  private check(): void {
    if (this.failure !== undefined)
      throw ioError(
        `cannot write temporary file ${this.path}: ${describeError(this.failure)}`,
        this.failure,
      );
  }
}

const isInvalidEntry = (value: unknown): value is InvalidEntry =>
  isRecord(value) &&
  typeof value['reason'] === 'string' &&
  ['line', 'revision'].every((key) => value[key] === undefined || typeof value[key] === 'number') &&
  (value['streamId'] === undefined || typeof value['streamId'] === 'string');

const parseJson = (text: string): unknown => {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
};

/** One line of a partition file back as its position and source item; undefined if damaged. */
export const parsePartitionLine = (
  text: string,
): { readonly seq: number; readonly item: SourceItem } | undefined => {
  const first = text.indexOf(' ');
  const second = text.indexOf(' ', first + 1);
  if (first < 0 || second < 0) return undefined;
  const seq = Number(text.slice(0, first));
  const mark = text.slice(first + 1, second);
  const rest = text.slice(second + 1);
  if (!Number.isSafeInteger(seq)) return undefined;
  if (mark === INVALID_MARK) {
    const entry = parseJson(rest);
    return isInvalidEntry(entry) ? { seq, item: { kind: 'invalid', entry } } : undefined;
  }
  const item: SourceItem =
    mark === NO_LINE
      ? { kind: 'line', text: rest }
      : { kind: 'line', line: Number(mark), text: rest };
  return { seq, item };
};
