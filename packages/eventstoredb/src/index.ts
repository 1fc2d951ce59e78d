// The public surface of @order-liability/eventstoredb.
// The client this adapter is built on (6.x), so that a client passed to the store is the
// same class the store checks for.
export { EventStoreDBClient } from '@eventstore/db-client';
export { EventStoreDBEventStore } from './event-store';
export type { EventStoreDBEventStoreOptions } from './event-store';
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
