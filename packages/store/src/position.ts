/**
 * A global position in the store: ordered, compared as the pair (commit, prepare).
 * Treat it as opaque: pass back the last one you saw to resume `readAll`.
 * EventStoreDB fills both parts from its transaction log; PostgreSQL uses (transaction id,
 * sequence); the in-memory store uses the same number twice.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Negative when `a` comes before `b`, zero when equal, positive after. */
export const comparePositions = (a: Position, b: Position): number =>
  a.commit === b.commit
    ? a.prepare === b.prepare
      ? 0
      : a.prepare < b.prepare
        ? -1
        : 1
    : a.commit < b.commit
      ? -1
      : 1;
