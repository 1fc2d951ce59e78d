import type { EventStoreDBClient } from '@eventstore/db-client';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { eventStoreDBStoreClient } from './eventstoredb-client';
import { kurrentDBStoreClient } from './kurrentdb-client';
import type { ClientKind, EventStoreClientLike, StoreClient } from './store-client';

const PACKAGES: Record<ClientKind, string> = {
  eventstoredb: '@eventstore/db-client',
  kurrentdb: '@kurrent/kurrentdb-client',
};

// The clients are loaded on demand, and only the one in use: their generated protobuf classes
// register under the same global names, so loading both into one process breaks the one loaded
// first (the new client's BatchAppend fails in google-protobuf).
const load = (kind: ClientKind): unknown => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(PACKAGES[kind]);
  } catch (error) {
    throw new TypeError(
      `client: ${PACKAGES[kind]} is not installed; add it to your dependencies (${error instanceof Error ? error.message.split('\n')[0] : 'it did not load'}).`,
    );
  }
};

const hasConnectionString = <K extends string>(
  module: unknown,
  name: K,
): module is Record<K, { connectionString(text: string): unknown }> => {
  const exported: unknown =
    typeof module === 'object' && module !== null ? Reflect.get(module, name) : undefined;
  return (
    typeof exported === 'function' &&
    typeof Reflect.get(exported, 'connectionString') === 'function'
  );
};

/** The new client's schemes; `esdb://` stays with 6.x unless the new client is asked for. */
export const clientKindOf = (connectionString: string): ClientKind =>
  /^(kurrentdb|kurrent|kdb)(\+discover)?:\/\//i.test(connectionString)
    ? 'kurrentdb'
    : 'eventstoredb';

/** Whether a client instance is `KurrentDBClient` (1.x has multi-stream appends, 6.x does not). */
export const isKurrentDBClient = (
  client: EventStoreClientLike,
): client is EventStoreClientLike & KurrentDBClient =>
  typeof Reflect.get(client, 'multiStreamAppend') === 'function';

export const isEventStoreDBClient = (
  client: EventStoreClientLike,
): client is EventStoreClientLike & EventStoreDBClient =>
  !isKurrentDBClient(client) && typeof Reflect.get(client, 'readStream') === 'function';

/** The store's client for a client instance of either package. */
export const storeClientOf = (client: EventStoreClientLike): StoreClient | undefined => {
  if (isKurrentDBClient(client)) return kurrentDBStoreClient(client);
  if (isEventStoreDBClient(client)) return eventStoreDBStoreClient(client);
  return undefined;
};

/** Whether a value has the methods the store calls on a client. */
export const isClientLike = (value: unknown): value is EventStoreClientLike =>
  typeof value === 'object' &&
  value !== null &&
  ['appendToStream', 'readStream', 'readAll', 'subscribeToAll', 'dispose'].every(
    (method) => typeof Reflect.get(value, method) === 'function',
  );

const CLASS_NAMES: Record<ClientKind, 'EventStoreDBClient' | 'KurrentDBClient'> = {
  eventstoredb: 'EventStoreDBClient',
  kurrentdb: 'KurrentDBClient',
};

/** Creates the chosen client from a connection string (throws what the client throws). */
export const connectClient = (kind: ClientKind, connectionString: string): StoreClient => {
  const module = load(kind);
  const name = CLASS_NAMES[kind];
  if (!hasConnectionString(module, name)) {
    throw new TypeError(
      `client: ${PACKAGES[kind]} exports no ${name}; install a supported version.`,
    );
  }
  const client = module[name].connectionString(connectionString);
  const store = isClientLike(client) ? storeClientOf(client) : undefined;
  if (store === undefined) {
    throw new TypeError(`client: ${PACKAGES[kind]} gave a client of an unsupported version.`);
  }
  return store;
};
