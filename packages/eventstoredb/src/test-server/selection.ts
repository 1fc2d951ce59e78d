/**
 * PROTOCOL TEST DOUBLE — which stored events a read answers with, by EventStoreDB's rules:
 * a stream read from a revision includes that revision in both directions; an `$all` read
 * forwards from a position includes the event at it, backwards from a position excludes it;
 * a subscription to `$all` from a position delivers only events after it.
 */
import type { StoredEvent } from './log';

export type Direction = 'forwards' | 'backwards';
export type StreamStart = 'start' | 'end' | bigint;
/** The double uses equal commit and prepare positions; a request may still give both. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}
export type AllStart = 'start' | 'end' | LogPosition;

const compareToEvent = (position: LogPosition, event: StoredEvent): number =>
  position.commit === event.position
    ? Number(position.prepare - event.position)
    : Number(position.commit - event.position);

export const selectFromStream = (
  stream: readonly StoredEvent[],
  from: StreamStart,
  direction: Direction,
): readonly StoredEvent[] => {
  if (direction === 'forwards') {
    if (from === 'end') return [];
    const start = from === 'start' ? 0n : from;
    return stream.filter((event) => event.revision >= start);
  }
  if (from === 'start') return [];
  const end = from === 'end' ? undefined : from;
  return stream.filter((event) => end === undefined || event.revision <= end).reverse();
};

export const selectFromAll = (
  all: readonly StoredEvent[],
  from: AllStart,
  direction: Direction,
): readonly StoredEvent[] => {
  if (direction === 'forwards') {
    if (from === 'end') return [];
    if (from === 'start') return all;
    return all.filter((event) => compareToEvent(from, event) <= 0);
  }
  if (from === 'start') return [];
  if (from === 'end') return [...all].reverse();
  return all.filter((event) => compareToEvent(from, event) > 0).reverse();
};

/** The past events a subscription to `$all` catches up with before it goes live. */
export const selectSubscriptionPast = (
  all: readonly StoredEvent[],
  from: AllStart,
): readonly StoredEvent[] => {
  if (from === 'end') return [];
  if (from === 'start') return all;
  return all.filter((event) => compareToEvent(from, event) < 0);
};
