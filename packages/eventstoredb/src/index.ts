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
// PROTOCOL TEST DOUBLE, not a database: for tests, examples and benchmarks without a server.
export { startEventStoreDBTestServer } from './test-server/server';
export type { EventStoreDBTestServer, EventStoreDBTestServerOptions } from './test-server/server';
