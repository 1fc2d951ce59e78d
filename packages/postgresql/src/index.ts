// The public surface of @order-liability/postgresql.
export { PostgreSQLEventStore } from './postgresql-event-store';
export type { PostgreSQLEventStoreOptions } from './postgresql-event-store';
export { migrate } from './migrate';
export type { MigrateOptions, MigrationResult } from './migrate';
export { migrations, LATEST_SCHEMA_VERSION } from './migrations';
export type { Migration } from './migrations';
export { DEFAULT_SCHEMA, PostgreSQLOptionsError } from './schema-name';
export type { AllSubscription, SubscribeToAllOptions } from './all-subscription';
export { subscribeToOrders } from './subscribe-to-orders';
export type { SubscribableStore, SubscribeToOrdersOptions } from './subscribe-to-orders';
export type {
  DecisionUpdate,
  OrderDecisions,
  OrderDecisionsCheckpoint,
} from '@order-liability/store';
// The node-postgres pool the store takes, for applications and benchmarks without their own pg.
export { Pool } from 'pg';
export type { PoolConfig } from 'pg';
// The embedded PostgreSQL launcher is dev-only: `@order-liability/postgresql/testing`.
