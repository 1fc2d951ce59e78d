import { DEFAULT_SCHEMA, PostgreSQLOptionsError, schemaName } from './schema-name';

describe('schemaName', () => {
  it('given nothing, then it is the default; given a plain identifier, then it is quoted for SQL', () => {
    expect(schemaName()).toEqual({ name: DEFAULT_SCHEMA, sql: `"${DEFAULT_SCHEMA}"` });
    expect(schemaName('tenant_7')).toEqual({ name: 'tenant_7', sql: '"tenant_7"' });
  });

  it.each([['pg_catalog'], ['pg_toast'], ['information_schema']])(
    'given the system schema %j, then it throws INVALID_OPTIONS saying to choose another',
    (name) => {
      expect(() => schemaName(name)).toThrow(
        new PostgreSQLOptionsError(
          `schema: "${name}" is a PostgreSQL system schema; choose a schema of your own such as order_liability.`,
        ),
      );
    },
  );

  it.each([['Upper'], ['with space'], ['x"y'], [''], [7], [null]])(
    'given %j, then it throws INVALID_OPTIONS',
    (name) => {
      expect(() => schemaName(name)).toThrow(PostgreSQLOptionsError);
    },
  );
});
