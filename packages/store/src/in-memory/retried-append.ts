import type { PreparedEvent } from '../prepare-events';

export type RetriedAppend =
  | { readonly kind: 'new' }
  | { readonly kind: 'retry'; readonly lastRevision: bigint }
  | { readonly kind: 'partial'; readonly storedIds: readonly string[] };

/**
 * Whether an append repeats an earlier one: every eventId already stored in the stream, at
 * consecutive revisions in the order given ('retry'); none of them ('new'); or some ('partial').
 */
export const findRetriedAppend = (
  storedIds: ReadonlyMap<string, bigint> | undefined,
  events: readonly PreparedEvent[],
): RetriedAppend => {
  const revisions = events.map((event) => storedIds?.get(event.metadata.eventId));
  const stored = events.filter((_, index) => revisions[index] !== undefined);
  if (stored.length === 0) return { kind: 'new' };
  const first = revisions[0];
  const consecutive =
    first !== undefined && revisions.every((revision, index) => revision === first + BigInt(index));
  return consecutive && stored.length === events.length
    ? { kind: 'retry', lastRevision: first + BigInt(events.length - 1) }
    : { kind: 'partial', storedIds: stored.map((event) => event.metadata.eventId) };
};
