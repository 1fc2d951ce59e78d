import { applyEvent } from './apply-event';
import { eventTime } from './event-time';
import { FoldRun } from './fold-run';
import type { Event } from './events';
import { initialState, type OrderState } from './state';
import { instantMillis } from './timestamp';

/**
 * Folds events into a state: one private working state, changed in place event by event, and
 * frozen once at the end. `from` is left as it was; whatever the events did not change is
 * shared with it (both are frozen).
 */
export const fold = (events: Iterable<Event>, from: OrderState = initialState): OrderState => {
  const run = new FoldRun(from);
  for (const event of events) applyEvent(run, event);
  return run.publish();
};

/** The state after one more event; `state` is left as it was (unchanged parts are shared). */
export const evolve = (state: OrderState, event: Event): OrderState => fold([event], state);

/**
 * Time travel: the state as it stood at `asOf` (an ISO-8601 UTC time), folding only the
 * events whose own time (`eventTime`) is at or before it.
 */
export const foldUntil = (
  events: Iterable<Event>,
  asOf: string,
  from: OrderState = initialState,
): OrderState => {
  const limit = instantMillis(asOf);
  const run = new FoldRun(from);
  for (const event of events) if (instantMillis(eventTime(event)) <= limit) applyEvent(run, event);
  return run.publish();
};

/** A fold in progress: events are applied one at a time, and the state is frozen on demand. */
export interface Folding {
  /** Applies one more event (as `fold` would). */
  add(event: Event): void;
  /**
   * The state so far, deeply frozen. Adding more afterwards leaves it as it was: what an
   * event changes is copied first, and only what changed since the last result is frozen.
   */
  result(): OrderState;
}

// One object per fold in progress, its methods shared on the prototype: an audit holds one
// for every open order, and a pair of closures (with their context) would cost it about
// 160 bytes more each (measured: 823 against 663 bytes of heap per open order).
class StreamingFold implements Folding {
  private readonly run: FoldRun;
  private published: OrderState | undefined = undefined;

  constructor(from: OrderState) {
    this.run = new FoldRun(from);
  }

  add(event: Event): void {
    this.published = undefined;
    applyEvent(this.run, event);
  }

  result(): OrderState {
    this.published ??= this.run.publish();
    return this.published;
  }
}

/**
 * Folds a history that arrives one event at a time (a streaming audit) without copying and
 * freezing the whole state for every event, as `fold([event], state)` would: each event
 * costs what it costs in one `fold` of the whole history.
 */
export const startFold = (from: OrderState = initialState): Folding => new StreamingFold(from);
