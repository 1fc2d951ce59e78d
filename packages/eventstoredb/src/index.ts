// The public surface of @order-liability/eventstoredb.
export { EventStoreDBEventStore } from './event-store';
export type { EventStoreDBEventStoreOptions } from './event-store';
export type { ClientKind, EventStoreClientLike } from './client/store-client';
export type { AllSubscription, SubscribeToAllOptions } from './all-subscription';
// The decision projection is the store's, the same for every adapter.
export { subscribeToOrders } from '@order-liability/store';
export type {
  DecisionUpdate,
  OrderDecisions,
  OrderDecisionsCheckpoint,
  SubscribeToOrdersOptions,
} from '@order-liability/store';
// The protocol test double is dev-only: `@order-liability/eventstoredb/testing`.
