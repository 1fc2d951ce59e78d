import { type Draft, produce } from 'immer';
import { applyEvent, copyStop } from './apply-event';
import { eventTime } from './event-time';
import { freezeState } from './freeze-state';
import { indexState } from './fold-index';
import type { Event } from './events';
import { initialState, type OrderState } from './state';
import { instantMillis } from './timestamp';

/** The state after one more event; `state` is left as it was (immer, structural sharing). */
export const evolve = (state: OrderState, event: Event): OrderState =>
  produce(state, (draft) => {
    applyEvent(draft, event, indexState(draft));
  });

// A private, writable copy of the state for the recipe to mutate, written as a literal so
// every copy has the same shape.
const writableCopy = (state: OrderState): Draft<OrderState> => ({
  stop: state.stop === null ? null : copyStop(state.stop),
  stopped: state.stopped === null ? null : { ...state.stopped },
  serviceNotInterruptibleAt: state.serviceNotInterruptibleAt,
  parcels: state.parcels.map((parcel) => ({ ...parcel })),
  disputedAt: state.disputedAt,
  overdueAt: state.overdueAt,
  informationRequests: state.informationRequests.map((request) => ({ ...request })),
  conclusion: state.conclusion === null ? null : { ...state.conclusion },
  settlements: state.settlements.map((booked) => ({
    bookedAt: booked.bookedAt,
    lines: booked.lines.map((line) => ({ ...line })),
    liability: booked.liability,
    exposure: booked.exposure.map((part) => ({ ...part, rules: [...part.rules] })),
    reasons: [...booked.reasons],
  })),
  returnsAfterSettlement: state.returnsAfterSettlement.map((late) => ({ ...late })),
  skipped: state.skipped.map((problem) => ({ ...problem })),
  eventCount: state.eventCount,
});

/**
 * Folds events into a state. Runs the same recipe as `evolve` on a private copy and freezes
 * once at the end, so folding a long history does not pay one `produce` per event.
 */
export const fold = (events: Iterable<Event>, from: OrderState = initialState): OrderState => {
  const state = writableCopy(from);
  const index = indexState(state);
  for (const event of events) applyEvent(state, event, index);
  return freezeState(state);
};

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
  const state = writableCopy(from);
  const index = indexState(state);
  for (const event of events)
    if (instantMillis(eventTime(event)) <= limit) applyEvent(state, event, index);
  return freezeState(state);
};

/** A fold in progress: events are applied one at a time, and the state is frozen on demand. */
export interface Folding {
  /** Applies one more event (as `fold` would). */
  add(event: Event): void;
  /** The state so far, deeply frozen; adding more afterwards goes on from a private copy. */
  result(): OrderState;
}

/**
 * Folds a history that arrives one event at a time (a streaming audit) without copying and
 * freezing the whole state for every event, as `fold([event], state)` would: the state stays
 * private and writable until `result()` freezes it, so each event costs what it costs in one
 * `fold` of the whole history.
 */
export const startFold = (from: OrderState = initialState): Folding => {
  let state = writableCopy(from);
  let index = indexState(state);
  let frozen: OrderState | undefined;
  return {
    add: (event) => {
      if (frozen !== undefined) {
        state = writableCopy(frozen);
        index = indexState(state);
        frozen = undefined;
      }
      applyEvent(state, event, index);
    },
    result: () => {
      frozen ??= freezeState(state);
      return frozen;
    },
  };
};
