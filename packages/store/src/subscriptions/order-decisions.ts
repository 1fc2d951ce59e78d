import {
  assessLiability,
  evolve,
  initialState,
  type Decision,
  type OrderState,
  type PolicyOverride,
} from '@order-liability/domain';
import type { InvalidEventHandler, RecordedEvent } from '../port';
import type { Position } from '../position';
import { ORDER_STREAM_PREFIX, orderIdOfStream } from '../stream-name';
import type { SubscribableStore } from './all-subscription';
import { deferred } from './deferred';

/** Where a projection stood: resume from it and no event is applied twice or missed. */
export interface OrderDecisionsCheckpoint {
  /** The position of the last event applied; undefined before the first. */
  readonly position: Position | undefined;
  /** Each order's state after the events applied so far. */
  readonly states: ReadonlyMap<string, OrderState>;
}

/** A decision that changed, with the event that changed it. */
export interface DecisionUpdate {
  readonly orderId: string;
  readonly decision: Decision;
  readonly event: RecordedEvent;
}

export interface SubscribeToOrdersOptions {
  /** Resume from a checkpoint taken earlier; default from the first event. */
  readonly from?: OrderDecisionsCheckpoint;
  /** Overrides of the domain's default policy for the decisions. */
  readonly policy?: PolicyOverride;
  /** Called after each event is applied, in order. */
  readonly onDecision?: (update: DecisionUpdate) => void;
  /** Called for an event that fails decoding, which is then skipped; without it the projection fails. */
  readonly onInvalidEvent?: InvalidEventHandler;
}

/** A projection of every order's decision, kept up to date by a catch-up subscription. */
export interface OrderDecisions {
  decisionOf(orderId: string): Decision | undefined;
  /** Every order's decision by order id, in the order the orders first appeared. */
  decisions(): ReadonlyMap<string, Decision>;
  /** The state to resume from: take it after `stop()` (or any time) and pass it as `from`. */
  checkpoint(): OrderDecisionsCheckpoint;
  /** Resolves once every event written before the projection started is applied. */
  readonly caughtUp: Promise<void>;
  /** Resolves when stopped; rejects with the subscription's error (e.g. STORE_UNAVAILABLE). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps the decision of every order (`order-<orderId>` streams) up to date from a store's
 * catch-up subscription to its global order: folds each event into its order's state and
 * assesses liability (the domain's `evolve` and `assessLiability`), from the start or from a
 * checkpoint. Both adapters' stores can be given; the same contract for each.
 */
export const subscribeToOrders = (
  store: SubscribableStore,
  options: SubscribeToOrdersOptions = {},
): OrderDecisions => {
  const states = new Map(options.from?.states ?? []);
  const decisions = new Map<string, Decision>();
  for (const [orderId, state] of states)
    decisions.set(orderId, assessLiability(state, options.policy));
  let position = options.from?.position;
  const subscription = store.subscribeToAll({
    streamNamePrefix: ORDER_STREAM_PREFIX,
    ...(position === undefined ? {} : { fromPosition: position }),
    ...(options.onInvalidEvent === undefined ? {} : { onInvalidEvent: options.onInvalidEvent }),
  });
  const done = deferred<undefined>();

  const apply = (event: RecordedEvent): void => {
    const orderId = orderIdOfStream(event.streamId);
    position = event.position;
    if (orderId === undefined) return;
    const state = evolve(states.get(orderId) ?? initialState, event);
    const decision = assessLiability(state, options.policy);
    states.set(orderId, state);
    decisions.set(orderId, decision);
    options.onDecision?.({ orderId, decision, event });
  };

  void (async () => {
    try {
      for await (const event of subscription) apply(event);
      done.resolve(undefined);
    } catch (error) {
      done.reject(error);
    }
  })();

  return {
    decisionOf: (orderId) => decisions.get(orderId),
    decisions: () => new Map(decisions),
    checkpoint: () => ({ position, states: new Map(states) }),
    caughtUp: subscription.caughtUp,
    done: done.promise,
    stop: async () => {
      await subscription.stop();
      await done.promise.catch(() => undefined);
    },
  };
};
