import * as E from 'fp-ts/Either';
import {
  assessLiability,
  type Decision,
  type Event,
  fold,
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
import { newCursor, passRevision } from './stream-cursor';

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
  readonly decision: Decision;
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

/**
 * Replays the stream `order-<orderId>` from a source (every other stream is skipped while
 * streaming) with the audit's checks. Resolves `undefined` when no record of the stream
 * was found; rejects with a USAGE AuditError for a bad `asOf`.
 */
export const readCase = async (
  items: AsyncIterable<SourceItem>,
  orderId: string,
  options: ReadCaseOptions = {},
): Promise<CaseReport | undefined> => {
  let asOf: number | undefined;
  if (options.asOf !== undefined) {
    const parsed = parseAsOf(options.asOf);
    if (E.isLeft(parsed)) throw parsed.left;
    asOf = parsed.right;
  }
  const streamId = orderStreamName(orderId);
  const cursor = newCursor(streamId, orderId);
  const history: CaseEvent[] = [];
  const invalid: InvalidEntry[] = [];
  let seen = false;
  for await (const source of items) {
    const item = resolveItem(source, options.maxDepth);
    if (item === undefined) continue;
    if (item.kind === 'invalid') {
      if (item.entry.streamId !== streamId) continue;
      seen = true;
      invalid.push(item.entry);
      if (item.entry.revision !== undefined) passRevision(cursor, item.entry.revision);
      continue;
    }
    if (item.streamId !== streamId) continue;
    seen = true;
    const step = replayStep(cursor, item, asOf);
    invalid.push(...step.invalid);
    if (step.event === undefined) continue;
    cursor.state = fold([step.event], cursor.state);
    history.push({
      revision: item.revision,
      ...(item.kind === 'raw' && item.line !== undefined ? { line: item.line } : {}),
      event: step.event,
    });
  }
  if (!seen) return undefined;
  const decision = assessLiability(cursor.state, options.policy);
  return {
    orderId,
    streamId,
    history,
    invalid,
    state: cursor.state,
    decision,
    discrepancies: compareSettlement(orderId, cursor.state, decision.settlementLines),
  };
};
