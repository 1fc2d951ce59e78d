import { createHash } from 'node:crypto';
import type { SchemaName } from './schema-name';

/** One statement: its SQL and, when prepared statements are on, the name it is prepared as. */
export interface Statement {
  readonly text: string;
  readonly name: string | undefined;
}

/** The SQL the store runs, written once per schema. */
export interface Statements {
  readonly append: Statement;
  readonly readStreamForwards: Statement;
  readonly readStreamBackwards: Statement;
  readonly streamExists: Statement;
  readonly readAllPage: Statement;
}

// Output names equal the column names, so every WHERE and ORDER BY below qualifies with m.
// (an unqualified ORDER BY revision would sort the text output column).
const MESSAGE_COLUMNS = `m.stream_id, m.revision::text AS revision,
  m.transaction_id::text AS transaction_id, m.global_position::text AS global_position, m.type,
  m.data::text AS data, m.metadata::text AS metadata`;

// The same columns, from the page subquery of readAllPage.
const PAGE_COLUMNS = `page.stream_id, page.revision, page.transaction_id, page.global_position,
  page.type, page.data, page.metadata`;

const texts = (s: SchemaName): Record<keyof Statements, string> => ({
  // $1 stream, $2 expected revision as text, $3 the events as one JSON array.
  append: `SELECT outcome, last_revision::text AS revision,
    last_transaction_id::text AS transaction_id, last_position::text AS global_position
    FROM ${s.sql}.append_events($1, $2, $3::jsonb)`,

  // Keyset pages by revision: $1 stream, $2 first revision of the page, $3 page size.
  readStreamForwards: `SELECT ${MESSAGE_COLUMNS} FROM ${s.sql}.messages m
    WHERE m.stream_id = $1 AND m.revision >= $2 ORDER BY m.revision LIMIT $3`,
  readStreamBackwards: `SELECT ${MESSAGE_COLUMNS} FROM ${s.sql}.messages m
    WHERE m.stream_id = $1 AND m.revision <= $2 ORDER BY m.revision DESC LIMIT $3`,
  streamExists: `SELECT EXISTS (SELECT 1 FROM ${s.sql}.messages WHERE stream_id = $1) AS found`,

  // Keyset pages by (transaction id, position) after $1/$2, at most $3 rows, only of
  // transactions below the statement snapshot's xmin: every one of those has ended, so no
  // event can later appear before the last one read. The horizon comes back with the first row
  // only (null after it: a column of every row is parsed for every row), and alone, with null
  // columns, when the page is empty. System streams ($…) are skipped.
  readAllPage: `WITH horizon AS (
      SELECT pg_snapshot_xmin(snapshot) AS xmin, pg_snapshot_xmax(snapshot) AS xmax
      FROM pg_current_snapshot() AS snapshot
    )
    SELECT CASE WHEN page.first IS NOT FALSE THEN h.xmin::text END AS horizon_xmin,
      CASE WHEN page.first IS NOT FALSE THEN h.xmax::text END AS horizon_xmax,
      ${PAGE_COLUMNS}
    FROM horizon h
    LEFT JOIN LATERAL (
      SELECT m.transaction_id AS sort_transaction, m.global_position AS sort_position,
        row_number() OVER (ORDER BY m.transaction_id, m.global_position) = 1 AS first,
        ${MESSAGE_COLUMNS}
      FROM ${s.sql}.messages m
      WHERE (m.transaction_id, m.global_position) > ($1::text::xid8, $2::bigint)
        AND m.transaction_id < h.xmin
        AND m.stream_id NOT LIKE '$%'
      ORDER BY m.transaction_id, m.global_position
      LIMIT $3
    ) page ON true
    ORDER BY page.sort_transaction, page.sort_position`,
});

/**
 * The store's statements for a schema. Prepared (named) statements are parsed and planned once
 * per connection; their names carry a hash of the schema, as the server keys names by their
 * first 63 bytes and node-postgres refuses one name for two texts.
 */
export const statements = (s: SchemaName, prepared = true): Statements => {
  const tag = createHash('sha256').update(s.name).digest('hex').slice(0, 16);
  const all = texts(s);
  const statement = (key: keyof Statements): Statement => ({
    text: all[key],
    name: prepared ? `order_liability_${key}_${tag}` : undefined,
  });
  return {
    append: statement('append'),
    readStreamForwards: statement('readStreamForwards'),
    readStreamBackwards: statement('readStreamBackwards'),
    streamExists: statement('streamExists'),
    readAllPage: statement('readAllPage'),
  };
};

/** A node-postgres query of a statement: named when it is prepared. */
export const queryConfig = (
  statement: Statement,
  values: unknown[],
): { text: string; values: unknown[]; name?: string } =>
  statement.name === undefined
    ? { text: statement.text, values }
    : { name: statement.name, text: statement.text, values };
