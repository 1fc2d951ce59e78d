import { comparePositions, type Position } from '../position';
import type { Direction } from '../port';

const clamp = (revision: bigint, length: number): number =>
  revision > BigInt(length) ? length : Number(revision);

/**
 * The events of one stream a read yields: forwards from `fromRevision` (inclusive, default 0),
 * or backwards from it (inclusive, default the last), at most `maxCount` of them.
 */
export const selectFromStream = <T>(
  events: readonly T[],
  fromRevision: bigint | undefined,
  maxCount: number | undefined,
  direction: Direction,
): T[] => {
  const limit = maxCount ?? events.length;
  if (direction === 'forwards') {
    const start = fromRevision === undefined ? 0 : clamp(fromRevision, events.length);
    return events.slice(start, start + limit);
  }
  const last = events.length - 1;
  const start =
    fromRevision === undefined ? last : Math.min(last, clamp(fromRevision, events.length));
  return events.slice(Math.max(0, start - limit + 1), start + 1).reverse();
};

/** The index of the first event strictly after `position` in a list ordered by position. */
export const indexAfter = (
  events: readonly { readonly position: Position }[],
  position: Position,
): number => {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const event = events[middle];
    if (event !== undefined && comparePositions(event.position, position) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
};
