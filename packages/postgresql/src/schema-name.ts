/** Raised for options a programmer got wrong (a schema name that is not a plain identifier). */
export class PostgreSQLOptionsError extends TypeError {
  readonly code = 'INVALID_OPTIONS';

  constructor(message: string) {
    super(message);
    this.name = 'PostgreSQLOptionsError';
  }
}

/** The schema the store uses unless told otherwise. */
export const DEFAULT_SCHEMA = 'order_liability';

// Lower-case letters, digits and underscores only: the name is written into SQL text (DDL and
// the append function's body), so it is checked rather than escaped.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name known to be a plain identifier, ready to be put into SQL as `"name"`. */
export interface SchemaName {
  readonly name: string;
  /** `"name"`, for SQL text. */
  readonly sql: string;
}

/** Checks a schema name; throws PostgreSQLOptionsError (code INVALID_OPTIONS) when it is not usable. */
export const schemaName = (name: unknown = DEFAULT_SCHEMA): SchemaName => {
  if (typeof name !== 'string' || !IDENTIFIER.test(name))
    throw new PostgreSQLOptionsError(
      `schema: expected a lower-case identifier of at most 63 characters (letters, digits, _; not starting with a digit) such as ${DEFAULT_SCHEMA}, got ${typeof name === 'string' ? JSON.stringify(name) : typeof name}.`,
    );
  // PostgreSQL's own schemas: creating tables there is refused (pg_*) or pollutes the catalog.
  if (name.startsWith('pg_') || name === 'information_schema')
    throw new PostgreSQLOptionsError(
      `schema: ${JSON.stringify(name)} is a PostgreSQL system schema; choose a schema of your own such as ${DEFAULT_SCHEMA}.`,
    );
  return { name, sql: `"${name}"` };
};
