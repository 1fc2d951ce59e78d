import type { InvalidEventHandler, RecordedEvent } from '../port';
import type { Position } from '../position';

/** What every adapter's catch-up subscription to the global order takes. */
export interface SubscribeToAllOptions {
  /** Deliver only events after this position (a checkpoint); default: from the first event. */
  readonly fromPosition?: Position;
  /** Only streams whose names start with this, e.g. `order-`; system streams never come. */
  readonly streamNamePrefix?: string;
  /** Called for an event that fails decoding, which is then skipped; without it the subscription fails. */
  readonly onInvalidEvent?: InvalidEventHandler;
}

/** A catch-up subscription: past events, then live ones, until stopped. Iterate it once. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /**
   * Resolves when every event written before the subscription started has been handed out
   * and the consumer has asked for the next one. Rejects if the subscription ends first.
   */
  readonly caughtUp: Promise<void>;
  /** Ends the subscription; an iteration running over it ends without error. */
  stop(): Promise<void>;
}

/** A store with a catch-up subscription to its global order (both adapters have one). */
export interface SubscribableStore {
  subscribeToAll(options: SubscribeToAllOptions): AllSubscription;
}
