import { type Folding, startFold } from '@order-liability/domain';
import { orderIdOfStream } from '@order-liability/store';
import type { InvalidEntry } from './report';
import type { DecodedItem, RawItem } from './source-item';

/**
 * Where the replay of one order stream stands: the next revision due and the fold so far (one
 * private state per stream, events applied as they come, frozen only when assessed).
 */
export interface StreamCursor {
  readonly streamId: string;
  readonly orderId: string;
  /** Position of the record that first named the stream: orders are reported in this order. */
  readonly firstSeq: number;
  nextRevision: number;
  readonly folding: Folding;
  /** Position of the record that last named the stream (a bounded replay lets the oldest go). */
  lastSeq: number;
}

export const newCursor = (streamId: string, orderId: string, firstSeq = 0): StreamCursor => ({
  streamId,
  orderId,
  firstSeq,
  nextRevision: 0,
  folding: startFold(),
  lastSeq: firstSeq,
});

/**
 * The cursor of a stream, created on first sight; `undefined` for a stream that is not an
 * order stream (`order-<orderId>`).
 */
export const cursorOf = (
  cursors: Map<string, StreamCursor>,
  streamId: string,
  seq = 0,
): StreamCursor | undefined => {
  const known = cursors.get(streamId);
  if (known !== undefined) return known;
  const orderId = orderIdOfStream(streamId);
  if (orderId === undefined) return undefined;
  const cursor = newCursor(streamId, orderId, seq);
  cursors.set(streamId, cursor);
  return cursor;
};

/** The report entry of a record whose stream is not an order stream. */
export const notAnOrderStream = (item: RawItem | DecodedItem): InvalidEntry => ({
  ...(item.kind === 'raw' && item.line !== undefined ? { line: item.line } : {}),
  streamId: item.streamId,
  revision: item.revision,
  reason: `not an order stream: expected order-<orderId>, got ${JSON.stringify(item.streamId)}`,
});

/** A refused record still took its revision, so the record after it is no gap. */
export const passRevision = (cursor: StreamCursor, revision: number): void => {
  if (revision >= cursor.nextRevision) cursor.nextRevision = revision + 1;
};
