import { checkConnectionString } from './connection-string';
import { PostgreSQLEventStore } from './postgresql-event-store';
import { PostgreSQLOptionsError } from './schema-name';

describe('the connection string', () => {
  it.each([
    ['postgresql://app:secret@db.internal:5432/orders'],
    ['postgres://localhost/orders?sslmode=require'],
    ['socket:/var/run/postgresql?db=orders'],
  ])('given the URL %s, then it is taken as it is', (url) => {
    expect(checkConnectionString(url)).toBe(url);
  });

  it.each([
    ['host=db user=app password=hunter2', ''],
    ['db.internal:5432/orders', ' (scheme db.internal:)'],
    ['mysql://app:hunter2@db/orders', ' (scheme mysql:)'],
    ['', ''],
  ])(
    'given %j, then the store refuses it with INVALID_OPTIONS at once, without repeating it',
    (text, scheme) => {
      let thrown: unknown;
      try {
        new PostgreSQLEventStore(text);
      } catch (error) {
        thrown = error;
      }

      expect(thrown).toBeInstanceOf(PostgreSQLOptionsError);
      expect(thrown).toMatchObject({
        code: 'INVALID_OPTIONS',
        message: `connection: expected a connection URL such as postgresql://user:password@host:5432/database, got a text that is not one${scheme}; or pass a pg Pool.`,
      });
    },
  );
});
