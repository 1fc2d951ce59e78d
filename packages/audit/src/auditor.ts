import {
  caseStatus,
  recomputeSettlement,
  resolvePolicy,
  type Event,
  type PolicyOverride,
} from '@order-liability/domain';
import { type AuditPart, emptyLiabilityCounts, resultOf, type Sequenced } from './audit-part';
import { compareSettlement } from './compare-settlement';
import { MinHeap } from './generate/min-heap';
import { replayStep } from './replay-step';
import type { AuditResult, Discrepancy, InvalidEntry, OrderRow } from './report';
import { resolveItem } from './resolve-item';
import type { SourceItem } from './source-item';
import { cursorOf, notAnOrderStream, passRevision, type StreamCursor } from './stream-cursor';
import { TotalsByCurrency } from './totals';

export interface AuditorOptions {
  /** A partial override of the domain's default policy. */
  readonly policy?: PolicyOverride;
  /** Replay only events whose own time is at or before this instant (epoch ms). */
  readonly asOf?: number;
  /** Keep one row per order in the result (for CSV); off, the result's `orders` is empty. */
  readonly rows?: boolean;
  /**
   * Hold each order's events and fold them once, at the end, instead of one by one: about
   * four times cheaper, but memory then grows with events. For partitions, whose size is
   * bounded; a single pass over everything folds as it goes.
   */
  readonly deferFold?: boolean;
  /** Records nested deeper are invalid (`too-deep`); default 256. */
  readonly maxDepth?: number;
  /**
   * Bounds memory in one pass: past this many orders open, the one least recently read is
   * assessed and let go. Should a later record name it again, `reopened()` turns true and
   * the result is not to be used (the caller replays in partitions instead). Default: none.
   */
  readonly maxOpenOrders?: number;
}

/** Counters while the replay runs (for progress). */
export interface AuditProgress {
  /** Records read so far, valid or not. */
  readonly records: number;
  readonly events: number;
  readonly invalid: number;
}

/** The replay of an export (or of one partition of it), fed one record at a time. */
export interface Auditor {
  /** Takes the next record; `seq` is its position in the whole source (default: the count so far). */
  accept(item: SourceItem, seq?: number): void;
  progress(): AuditProgress;
  /** Assesses every order and builds the report; call once, after the last item. */
  finish(): AuditResult;
  /** Like finish, but the raw part, for merging partitions. */
  finishPart(): AuditPart;
  /** Whether a record named an order already let go (see `maxOpenOrders`): the result is void. */
  reopened(): boolean;
}

/**
 * Creates an auditor. Per order it keeps only the stream's cursor: the domain's folded
 * state and the next revision due, so memory grows with orders, not with events.
 */
export const createAuditor = (options: AuditorOptions = {}): Auditor => {
  const cursors = new Map<string, StreamCursor>();
  const pending = new Map<StreamCursor, Event[]>();
  const invalid: Sequenced<InvalidEntry>[] = [];
  const discrepancies: Sequenced<Discrepancy>[] = [];
  const rows: Sequenced<OrderRow>[] = [];
  const byLiability = emptyLiabilityCounts();
  const totals = new TotalsByCurrency();
  const maxOpen = options.maxOpenOrders ?? Number.POSITIVE_INFINITY;
  // The streams let go while bounding memory: any record of one voids the pass.
  const closed = new Set<string>();
  let reopened = false;
  let records = 0;
  let events = 0;
  let orders = 0;
  // Resolved once for every order; the audit reads no next steps, so it skips building them.
  const policy = resolvePolicy(options.policy);

  const report = (seq: number, entries: readonly InvalidEntry[]): void => {
    for (const entry of entries) invalid.push({ seq, value: entry });
  };

  // Assesses one order and adds it to the tallies; its state can go afterwards.
  const assess = (cursor: StreamCursor): void => {
    const held = pending.get(cursor);
    if (held !== undefined) {
      for (const event of held) cursor.folding.add(event);
      pending.delete(cursor);
    }
    const state = cursor.folding.result();
    // Streams seen only through refused records, or only after --as-of, are no orders yet.
    if (state.eventCount === 0) return;
    const decision = recomputeSettlement(state, policy);
    const found = compareSettlement(cursor.orderId, state, decision.settlementLines);
    const seq = cursor.firstSeq;
    for (const discrepancy of found) discrepancies.push({ seq, value: discrepancy });
    orders += 1;
    byLiability[decision.liability] += 1;
    totals.add(decision.settlementLines);
    if (options.rows === true)
      rows.push({
        seq,
        value: {
          orderId: cursor.orderId,
          status: caseStatus(state),
          liability: decision.liability,
          currency: state.stop?.currency ?? '',
          requestedAt: state.stop?.requestedAt ?? '',
          totalAmount: state.stop?.totalAmount ?? 0,
          expected: decision.settlementLines,
          booked: state.settlements.flatMap((booking) => booking.lines),
          bookings: state.settlements.length,
          discrepancies: found.map((d) => d.kind),
          reasons: decision.reasons,
        },
      });
  };

  // The open orders by the record that last named them, as last seen by the heap: an entry
  // whose order was named since is put back with its newer position, so the first entry
  // that is up to date is the least recently read order, and it is let go.
  const byLastRead = new MinHeap<{ readonly cursor: StreamCursor; readonly at: number }>(
    (a, b) => a.at < b.at,
  );
  const closeOne = (): void => {
    for (let next = byLastRead.pop(); next !== undefined; next = byLastRead.pop()) {
      const { cursor } = next;
      if (cursor.lastSeq > next.at) {
        byLastRead.push({ cursor, at: cursor.lastSeq });
        continue;
      }
      cursors.delete(cursor.streamId);
      closed.add(cursor.streamId);
      assess(cursor);
      return;
    }
  };

  const open = (streamId: string, seq: number): StreamCursor | undefined => {
    const known = cursors.get(streamId);
    if (known !== undefined) {
      known.lastSeq = seq;
      return known;
    }
    if (closed.has(streamId)) reopened = true;
    const cursor = cursorOf(cursors, streamId, seq);
    if (cursor === undefined || maxOpen === Number.POSITIVE_INFINITY) return cursor;
    byLastRead.push({ cursor, at: seq });
    if (cursors.size > maxOpen) closeOne();
    return cursor;
  };

  const accept = (source: SourceItem, seq: number = records): void => {
    records += 1;
    const item = resolveItem(source, options.maxDepth);
    if (item === undefined) return;
    if (item.kind === 'invalid') {
      report(seq, [item.entry]);
      const { streamId, revision } = item.entry;
      if (streamId === undefined || revision === undefined) return;
      const cursor = open(streamId, seq);
      if (cursor !== undefined) passRevision(cursor, revision);
      return;
    }
    const cursor = open(item.streamId, seq);
    if (cursor === undefined) {
      report(seq, [notAnOrderStream(item)]);
      return;
    }
    const step = replayStep(cursor, item, options.asOf);
    if (step.invalid.length > 0) report(seq, step.invalid);
    if (step.event === undefined) return;
    events += 1;
    if (options.deferFold === true) {
      const held = pending.get(cursor);
      if (held === undefined) pending.set(cursor, [step.event]);
      else held.push(step.event);
      return;
    }
    cursor.folding.add(step.event);
  };

  // Stable: discrepancies of one order keep their order; orders let go early find their place.
  const bySeq = <T>(list: Sequenced<T>[]): Sequenced<T>[] => list.sort((a, b) => a.seq - b.seq);

  const finishPart = (): AuditPart => {
    for (const [streamId, cursor] of cursors) {
      // The state is no longer needed once assessed; let it go while the rest is.
      cursors.delete(streamId);
      assess(cursor);
    }
    return {
      orders,
      rows: bySeq(rows),
      discrepancies: bySeq(discrepancies),
      invalid,
      events,
      byLiability,
      totals,
    };
  };

  return {
    accept,
    progress: () => ({ records, events, invalid: invalid.length }),
    finish: () => resultOf(finishPart(), records),
    finishPart,
    reopened: () => reopened,
  };
};
