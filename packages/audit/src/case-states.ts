import type { OrderState } from '@order-liability/domain';
import { resolveItem } from './resolve-item';
import { replayStep } from './replay-step';
import type { SourceItem } from './source-item';
import { cursorOf, passRevision, type StreamCursor } from './stream-cursor';

/** Every case of a source, folded: one state per order, in the order first seen. */
export interface CaseStates {
  /** Mutable so that a reader can let each state go once it is done with it. */
  readonly states: Map<string, OrderState>;
  /** Events folded. */
  readonly events: number;
  /** Records the replay refused (the audit lists them: `order-liability audit`). */
  readonly invalid: number;
}

/**
 * Replays source items (an export's lines or a store's events) as the audit does — revisions
 * checked, records decoded, refused ones counted — and keeps each order's folded state. Memory
 * grows with orders, not with events.
 */
export const readCaseStates = async (items: AsyncIterable<SourceItem>): Promise<CaseStates> => {
  const cursors = new Map<string, StreamCursor>();
  let events = 0;
  let invalid = 0;
  for await (const source of items) {
    const item = resolveItem(source);
    if (item === undefined) continue;
    if (item.kind === 'invalid') {
      invalid += 1;
      const { streamId, revision } = item.entry;
      if (streamId === undefined || revision === undefined) continue;
      const cursor = cursorOf(cursors, streamId);
      if (cursor !== undefined) passRevision(cursor, revision);
      continue;
    }
    const cursor = cursorOf(cursors, item.streamId);
    if (cursor === undefined) {
      invalid += 1;
      continue;
    }
    const step = replayStep(cursor, item, undefined);
    invalid += step.invalid.length;
    if (step.event === undefined) continue;
    events += 1;
    cursor.folding.add(step.event);
  }
  const states = new Map<string, OrderState>();
  for (const cursor of cursors.values()) {
    const state = cursor.folding.result();
    if (state.eventCount > 0) states.set(cursor.orderId, state);
  }
  return { states, events, invalid };
};
