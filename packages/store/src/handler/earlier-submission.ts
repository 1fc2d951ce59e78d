import type { RecordedEvent } from '../port';

/**
 * The events an earlier submission with this idempotency key recorded, and every event up to
 * and including them; undefined when the key was never used on this stream.
 */
export const findEarlierSubmission = (
  events: readonly RecordedEvent[],
  idempotencyKey: string,
): { readonly recorded: RecordedEvent[]; readonly upTo: RecordedEvent[] } | undefined => {
  const recorded = events.filter((event) => event.metadata.idempotencyKey === idempotencyKey);
  const last = recorded[recorded.length - 1];
  if (last === undefined) return undefined;
  return { recorded, upTo: events.filter((event) => event.revision <= last.revision) };
};
