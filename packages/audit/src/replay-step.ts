import * as E from 'fp-ts/Either';
import { type Event, eventTime, parseInstant } from '@order-liability/domain';
import { decodeItem } from './decode-item';
import type { InvalidEntry } from './report';
import type { DecodedItem, RawItem } from './source-item';
import type { StreamCursor } from './stream-cursor';

/** What one record does to its stream: an event to fold (if any) and problems to report. */
export interface StepResult {
  readonly event: Event | undefined;
  readonly invalid: readonly InvalidEntry[];
}

// An entry naming the item's line, stream and revision; built only when something is wrong.
const entry = (item: RawItem | DecodedItem, reason: string): InvalidEntry => ({
  ...(item.kind === 'raw' && item.line !== undefined ? { line: item.line } : {}),
  streamId: item.streamId,
  revision: item.revision,
  reason,
});

const NOTHING: readonly InvalidEntry[] = [];

const eventMillis = (event: Event): number => parseInstant(eventTime(event)) ?? Number.NaN;

/**
 * Checks one record against its stream: a revision already read is a duplicate and is
 * skipped; a revision beyond the next one is a gap, reported, and the record is still used
 * (what follows the gap is real). Then it decodes the record, checks it belongs to the
 * stream's order, and leaves out events after `asOf` (epoch ms), as the domain's foldUntil.
 */
export const replayStep = (
  cursor: StreamCursor,
  item: RawItem | DecodedItem,
  asOf: number | undefined,
): StepResult => {
  const expected = cursor.nextRevision;
  if (item.revision < expected)
    return {
      event: undefined,
      invalid: [entry(item, `duplicate revision: expected ${expected}, got ${item.revision}`)],
    };
  cursor.nextRevision = item.revision + 1;
  const gap: readonly InvalidEntry[] =
    item.revision > expected
      ? [entry(item, `revision gap: expected ${expected}, got ${item.revision}`)]
      : NOTHING;
  const decoded = decodeItem(item);
  if (E.isLeft(decoded)) return { event: undefined, invalid: [...gap, entry(item, decoded.left)] };
  const event = decoded.right;
  if (event.data.orderId !== cursor.orderId)
    return {
      event: undefined,
      invalid: [
        ...gap,
        entry(
          item,
          `wrong order: data.orderId is ${JSON.stringify(event.data.orderId)} in stream ${cursor.streamId}`,
        ),
      ],
    };
  if (asOf !== undefined && eventMillis(event) > asOf) return { event: undefined, invalid: gap };
  return { event, invalid: gap };
};
