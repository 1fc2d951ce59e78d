import { orderIdOfStream } from '@order-liability/store';
import type { Auditor } from './auditor';
import { sourceItemOfLine } from './file-source';
import type { LineSource } from './open-lines';
import { parseExportLine } from './parse-line';
import type { SourceItem } from './source-item';
import { hashOf, leadingStreamId, orderStreamOf } from './stream-route';

/** This replay's share of the streams: those whose name hashes to `index` of `count`. */
export interface StreamShare {
  readonly index: number;
  readonly count: number;
}

export interface FilePassOptions {
  /** Replay only these streams (plus, for share 0, records of no order stream). */
  readonly share?: StreamShare;
  readonly maxDepth?: number;
  /** Called after every record with the records read so far. */
  readonly onRecord?: (records: number) => void;
}

// Which share replays a line: by its stream, read cheaply when certain, else parsed.
// Records that move no order stream on (not JSON, other streams) all go to share 0.
const shareOfLine = (
  text: string,
  line: number,
  count: number,
  maxDepth: number | undefined,
): { readonly index: number; readonly item: SourceItem } => {
  const fast = leadingStreamId(text);
  if (fast !== undefined) {
    if (orderIdOfStream(fast) !== undefined)
      return { index: hashOf(fast) % count, item: { kind: 'line', line, text } };
  }
  const parsed = parseExportLine(text, line, maxDepth);
  // A line of blanks is a record no stream owns.
  if (parsed === undefined) return { index: 0, item: { kind: 'line', line, text } };
  const streamId = orderStreamOf(parsed);
  return { index: streamId === undefined ? 0 : hashOf(streamId) % count, item: parsed };
};

/**
 * Replays the lines of an opened export into `auditor`, batch by batch without a step of
 * async iteration per line, numbering records as a single pass does (`seq`), so that
 * replays of different shares of one file merge into exactly its single-pass result.
 * Resolves with the records read (non-blank lines and unreadable ones).
 */
export const replayLines = async (
  file: LineSource,
  auditor: Auditor,
  options: FilePassOptions = {},
): Promise<number> => {
  const { share, maxDepth, onRecord } = options;
  let line = 0;
  let seq = 0;
  for await (const batch of file.batches)
    for (const raw of batch) {
      line += 1;
      const item = sourceItemOfLine(raw, line);
      if (item === undefined) continue;
      if (share === undefined) auditor.accept(item, seq);
      else if (item.kind !== 'line') {
        if (share.index === 0) auditor.accept(item, seq);
      } else {
        const owner = shareOfLine(item.text, line, share.count, maxDepth);
        if (owner.index === share.index) auditor.accept(owner.item, seq);
      }
      seq += 1;
      onRecord?.(seq);
    }
  return seq;
};
