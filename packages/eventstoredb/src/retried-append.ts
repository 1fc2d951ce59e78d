import type { PreparedEvent } from '@order-liability/store';

/** An event already in the stream, as far as telling a retry apart needs. */
export interface StoredId {
  readonly id: string;
  readonly revision: bigint;
}

export type RetriedAppend =
  | { readonly kind: 'new' }
  | { readonly kind: 'retry'; readonly lastRevision: bigint }
  | { readonly kind: 'partial'; readonly storedIds: readonly string[] };

/**
 * Whether an append repeats an earlier one, by the port's rule: every eventId already in the
 * stream at consecutive revisions in the order given ('retry'), none of them ('new'), or only
 * some ('partial'). EventStoreDB's own idempotence depends on the expected revision and a
 * cache of recent events, so the adapter checks the rule itself.
 */
export const findRetriedAppend = (
  stored: readonly StoredId[],
  events: readonly PreparedEvent[],
): RetriedAppend => {
  const revisionOf = new Map(stored.map((event) => [event.id.toLowerCase(), event.revision]));
  const revisions = events.map((event) => revisionOf.get(event.metadata.eventId));
  const found = events.filter((_, i) => revisions[i] !== undefined);
  if (found.length === 0) return { kind: 'new' };
  const first = revisions[0];
  const consecutive =
    first !== undefined && revisions.every((revision, i) => revision === first + BigInt(i));
  return consecutive && found.length === events.length
    ? { kind: 'retry', lastRevision: first + BigInt(events.length - 1) }
    : { kind: 'partial', storedIds: found.map((event) => event.metadata.eventId) };
};
