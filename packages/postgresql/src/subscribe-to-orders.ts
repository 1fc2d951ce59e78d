import {
  type OrderDecisions,
  subscribeToOrders as projectOrderDecisions,
  type SubscribeToOrdersOptions as BaseSubscribeToOrdersOptions,
} from '@order-liability/store';
import type { AllSubscription, SubscribeToAllOptions } from './all-subscription';

export interface SubscribeToOrdersOptions extends BaseSubscribeToOrdersOptions {
  /** How long to wait between polls once caught up; default 100 ms. */
  readonly pollIntervalMs?: number;
}

/** What the projection needs of a store: a catch-up subscription to its global order. */
export interface SubscribableStore {
  subscribeToAll(options: SubscribeToAllOptions): AllSubscription;
}

/**
 * Keeps the decision of every order up to date from the store's global order: the store
 * package's projection (the same contract as with EventStoreDB), over a subscription that
 * polls every `pollIntervalMs` once caught up.
 */
export const subscribeToOrders = (
  store: SubscribableStore,
  { pollIntervalMs, ...options }: SubscribeToOrdersOptions = {},
): OrderDecisions =>
  projectOrderDecisions(
    pollIntervalMs === undefined
      ? store
      : {
          subscribeToAll: (subscription) =>
            store.subscribeToAll({ ...subscription, pollIntervalMs }),
        },
    options,
  );
