import * as E from 'fp-ts/Either';
import {
  assessLiability,
  recomputeDecision,
  type Decision,
  type Event,
  type OrderState,
  type PolicyOverride,
} from '@order-liability/domain';
import { orderStreamName } from '@order-liability/store';
import { parseAsOf } from './as-of';
import { replayStep } from './replay-step';
import { compareSettlement } from './compare-settlement';
import type { Discrepancy, InvalidEntry } from './report';
import { resolveItem } from './resolve-item';
import type { SourceItem } from './source-item';
import { newCursor, passRevision, type StreamCursor } from './stream-cursor';

/** One event of a case's history as replayed. */
export interface CaseEvent {
  readonly revision: number;
  readonly line?: number;
  readonly event: Event;
}

/** One order's case, replayed from a source. */
export interface CaseReport {
  readonly orderId: string;
  readonly streamId: string;
  readonly history: readonly CaseEvent[];
  /** Records of this stream the replay could not use. */
  readonly invalid: readonly InvalidEntry[];
  readonly state: OrderState;
  /** The case's decision: once settled, the booked one. */
  readonly decision: Decision;
  /** What the rules give under the policy, as if nothing were booked: what the audit compares. */
  readonly recomputed: Decision;
  /** Where the booked settlement and the recomputed decision disagree, as the audit reports it. */
  readonly discrepancies: readonly Discrepancy[];
}

export interface ReadCaseOptions {
  readonly policy?: PolicyOverride;
  /** Time travel: an ISO-8601 UTC instant. */
  readonly asOf?: string;
  /** Records nested deeper are invalid (`too-deep`); default 256. */
  readonly maxDepth?: number;
}

interface CaseInProgress {
  readonly cursor: StreamCursor;
  readonly history: CaseEvent[];
  readonly invalid: InvalidEntry[];
  seen: boolean;
}

/**
 * Replays the streams `order-<orderId>` of the given orders from a source (every other
 * stream is skipped while streaming) with the audit's checks. The map holds the orders
 * found, in the order asked for; rejects with a USAGE AuditError for a bad `asOf`.
 */
export const readCases = async (
  items: AsyncIterable<SourceItem>,
  orderIds: Iterable<string>,
  options: ReadCaseOptions = {},
): Promise<Map<string, CaseReport>> => {
  let asOf: number | undefined;
  if (options.asOf !== undefined) {
    const parsed = parseAsOf(options.asOf);
    if (E.isLeft(parsed)) throw parsed.left;
    asOf = parsed.right;
  }
  const cases = new Map<string, CaseInProgress>();
  for (const orderId of orderIds) {
    const streamId = orderStreamName(orderId);
    cases.set(streamId, {
      cursor: newCursor(streamId, orderId),
      history: [],
      invalid: [],
      seen: false,
    });
  }
  for await (const source of items) {
    const item = resolveItem(source, options.maxDepth);
    if (item === undefined) continue;
    if (item.kind === 'invalid') {
      const found = item.entry.streamId === undefined ? undefined : cases.get(item.entry.streamId);
      if (found === undefined) continue;
      found.seen = true;
      found.invalid.push(item.entry);
      if (item.entry.revision !== undefined) passRevision(found.cursor, item.entry.revision);
      continue;
    }
    const found = cases.get(item.streamId);
    if (found === undefined) continue;
    found.seen = true;
    const { cursor } = found;
    const step = replayStep(cursor, item, asOf);
    found.invalid.push(...step.invalid);
    if (step.event === undefined) continue;
    cursor.folding.add(step.event);
    found.history.push({
      revision: item.revision,
      ...(item.kind === 'raw' && item.line !== undefined ? { line: item.line } : {}),
      event: step.event,
    });
  }
  const reports = new Map<string, CaseReport>();
  for (const { cursor, history, invalid, seen } of cases.values()) {
    if (!seen) continue;
    const state = cursor.folding.result();
    const recomputed = recomputeDecision(state, options.policy);
    reports.set(cursor.orderId, {
      orderId: cursor.orderId,
      streamId: cursor.streamId,
      history,
      invalid,
      state,
      decision: assessLiability(state, options.policy),
      recomputed,
      discrepancies: compareSettlement(cursor.orderId, state, recomputed.settlementLines),
    });
  }
  return reports;
};

/**
 * Replays the stream `order-<orderId>` from a source (every other stream is skipped while
 * streaming) with the audit's checks. Resolves `undefined` when no record of the stream
 * was found; rejects with a USAGE AuditError for a bad `asOf`.
 */
export const readCase = async (
  items: AsyncIterable<SourceItem>,
  orderId: string,
  options: ReadCaseOptions = {},
): Promise<CaseReport | undefined> => (await readCases(items, [orderId], options)).get(orderId);
