import { schemaName } from '../schema-name';
import { statements } from '../statements';

/**
 * The SQL of the store's readAll page for a schema, prepared under `name`: parameters $1 the
 * transaction id and $2 the global position to read after (both as text), $3 the page size.
 * For benchmarks that run the adapter's own query through bare node-postgres, to tell the
 * query's cost from the client's. A bench kit: production code reads through readAll.
 */
export const readAllPageStatement = (schema: string): { name: string; text: string } => {
  const { text } = statements(schemaName(schema)).readAllPage;
  return { name: `bench_read_all_page_${schema}`, text };
};
