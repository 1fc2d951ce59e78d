// The testing entry of @order-liability/eventstoredb (`@order-liability/eventstoredb/testing`):
// the PROTOCOL TEST DOUBLE, not a database, for tests, examples and benchmarks on a machine
// without a server. Dev-only: it needs the optional peer `@grpc/grpc-js`. See docs/eventstoredb.md.
export { startEventStoreDBTestServer } from '../test-server/server';
export type { EventStoreDBTestServer, EventStoreDBTestServerOptions } from '../test-server/server';
