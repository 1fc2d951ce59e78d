import { createHash } from 'node:crypto';
import type { QueryArrayConfig } from 'pg';
import { messageTypes } from './message-row';
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

// The columns of message-row.ts, in its order, in their own types: the reads give node-postgres
// their own type parsers (messageTypes), so no cast to text is needed, and none is made (a cast
// copies each value once more on the server).
const MESSAGE_COLUMNS = `m.stream_id, m.revision, m.transaction_id, m.global_position, m.type,
  m.data, m.metadata`;

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
  // event can later appear before the last one read. After the events comes one more row, the
  // horizon: null event columns, and the xmin and xmax of the very snapshot the page was read
  // with (pg_current_snapshot() is the statement's). Its null transaction_id sorts it last; the
  // events come in index order, so the server merges the two parts without sorting. System
  // streams ($…) are skipped.
  readAllPage: `SELECT * FROM (
      (SELECT ${MESSAGE_COLUMNS}, NULL::xid8 AS horizon_xmin, NULL::xid8 AS horizon_xmax
        FROM ${s.sql}.messages m
        WHERE (m.transaction_id, m.global_position) > ($1::text::xid8, $2::bigint)
          AND m.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          AND m.stream_id NOT LIKE '$%'
        ORDER BY m.transaction_id, m.global_position
        LIMIT $3)
      UNION ALL
      SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, pg_snapshot_xmin(pg_current_snapshot()),
        pg_snapshot_xmax(pg_current_snapshot())
    ) page
    ORDER BY page.transaction_id, page.global_position`,
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

/**
 * A node-postgres query of a read of messages rows: arrays in message-row.ts's column order,
 * converted by the reads' own type parsers.
 */
export const messageQueryConfig = (statement: Statement, values: unknown[]): QueryArrayConfig => ({
  ...queryConfig(statement, values),
  rowMode: 'array',
  types: messageTypes,
});
