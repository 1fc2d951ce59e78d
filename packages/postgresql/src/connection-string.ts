import { PostgreSQLOptionsError } from './schema-name';

const PROTOCOLS = new Set(['postgres:', 'postgresql:', 'socket:']);

/**
 * Checks a connection string before a pool is made from it: one that is not a URL would only
 * fail at the first query, as if the server were away. The message never repeats the string,
 * which may hold a password.
 */
export const checkConnectionString = (connection: string): string => {
  let protocol: string | undefined;
  try {
    protocol = new URL(connection).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === undefined || !PROTOCOLS.has(protocol))
    throw new PostgreSQLOptionsError(
      `connection: expected a connection URL such as postgresql://user:password@host:5432/database, got a text that is not one${protocol === undefined ? '' : ` (scheme ${protocol})`}; or pass a pg Pool.`,
    );
  return connection;
};
