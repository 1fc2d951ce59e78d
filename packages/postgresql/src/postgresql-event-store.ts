import { Pool } from 'pg';
import {
  type AppendOptions,
  type AppendResult,
  checkAppendOptions,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkStreamName,
  defaultUpcasters,
  type EventStore,
  type InvalidEventHandler,
  type NewEvent,
  prepareEvents,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  storeUnavailable,
  type UpcasterRegistry,
} from '@order-liability/store';
import { type AllSubscription, pollAll, type SubscribeToAllOptions } from './all-subscription';
import { appendEvents, type AppendTarget } from './append-events';
import { checkConnectionString } from './connection-string';
import { migrate, type MigrationResult } from './migrate';
import { PagedEvents } from './paged-events';
import { rawEvents, rowDecoder } from './decode-row';
import { readAllPages } from './read-all-pages';
import { readStreamPages } from './read-stream-pages';
import type { MessageRow } from './message-row';
import { PostgreSQLOptionsError, type SchemaName, schemaName } from './schema-name';
import { type Statements, statements } from './statements';

export interface PostgreSQLEventStoreOptions {
  /** The schema holding the store's tables; default 'order_liability'. */
  readonly schema?: string;
  /** Default `defaultUpcasters`. */
  readonly upcasters?: UpcasterRegistry;
  /** The clock that stamps `recordedAt`; default the system clock. */
  readonly now?: () => Date;
  /** Rows fetched per query by reads; default 500. */
  readonly pageSize?: number;
  /**
   * How long `readAll` waits, at its end, for transactions that were open when it began before
   * rejecting with STORE_UNAVAILABLE; default 10 000 ms. 0: do not wait, end with the events
   * that are final (a poller that reads again from its last position). See docs/postgresql.md.
   */
  readonly readAllWaitMs?: number;
  /** Connections of the pool the store makes from a connection string; default 10. */
  readonly poolSize?: number;
  /**
   * Use named (prepared) statements, parsed and planned once per connection; default true.
   * Turn off behind a connection pooler that cannot keep them (PgBouncer in transaction mode
   * before 1.21).
   */
  readonly preparedStatements?: boolean;
}

const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_READ_ALL_WAIT_MS = 10_000;

const wholeNumber = (what: string, value: unknown, fallback: number, least: number): number => {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= least) return value;
  throw new PostgreSQLOptionsError(
    `${what}: expected a whole number, ${least} or more, got ${typeof value === 'number' ? value : typeof value}.`,
  );
};

// A NUL cannot be stored in a PostgreSQL text; refuse it the way the store refuses other
// malformed stream names, before it reaches the server.
const checkPostgresStreamName = (streamName: string): string => {
  const name = checkStreamName(streamName);
  if (name.includes('\u0000'))
    throw new TypeError(
      `streamName: expected a stream name without NUL characters, got ${JSON.stringify(name)}.`,
    );
  return name;
};

/**
 * The event store port on PostgreSQL (node-postgres). Give it a Pool, which stays yours, or a
 * connection string, from which it makes a pool that close() ends. Call migrate() once (any
 * process, any number of times) before use. See docs/postgresql.md.
 *
 * Positions are `{ commit: transaction id, prepare: global position }`.
 */
export class PostgreSQLEventStore implements EventStore {
  readonly #pool: Pool;
  readonly #ownsPool: boolean;
  readonly #schema: SchemaName;
  readonly #statements: Statements;
  readonly #upcasters: UpcasterRegistry;
  readonly #now: () => Date;
  readonly #pageSize: number;
  readonly #readAllWaitMs: number;
  #closing: Promise<void> | undefined;

  constructor(connection: Pool | string, options: PostgreSQLEventStoreOptions = {}) {
    this.#schema = schemaName(options.schema);
    this.#statements = statements(this.#schema, options.preparedStatements !== false);
    this.#upcasters = options.upcasters ?? defaultUpcasters;
    this.#now = options.now ?? (() => new Date());
    this.#pageSize = wholeNumber('pageSize', options.pageSize, DEFAULT_PAGE_SIZE, 1);
    this.#readAllWaitMs = wholeNumber(
      'readAllWaitMs',
      options.readAllWaitMs,
      DEFAULT_READ_ALL_WAIT_MS,
      0,
    );
    if (typeof connection === 'string') {
      this.#pool = new Pool({
        connectionString: checkConnectionString(connection),
        max: wholeNumber('poolSize', options.poolSize, 10, 1),
        connectionTimeoutMillis: 10_000,
      });
      // An idle connection the server drops (a restart, a failover) must not crash the process;
      // the next query reports STORE_UNAVAILABLE instead.
      this.#pool.on('error', () => undefined);
      this.#ownsPool = true;
    } else if (connection instanceof Pool) {
      this.#pool = connection;
      this.#ownsPool = false;
    } else {
      throw new PostgreSQLOptionsError('connection: expected a pg Pool or a connection string.');
    }
  }

  /** The schema this store uses. */
  get schema(): string {
    return this.#schema.name;
  }

  /** Creates or updates this store's schema (see `migrate`). */
  async migrate(): Promise<MigrationResult> {
    this.#ensureOpen();
    return migrate(this.#pool, { schema: this.#schema.name });
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.#ensureOpen();
    const name = checkPostgresStreamName(streamName);
    const expected = checkAppendOptions(options);
    const prepared = prepareEvents(name, events, this.#now, this.#upcasters);
    return appendEvents(
      this.#appendTarget(),
      name,
      prepared.map(({ type, data, metadata }) => ({
        eventId: metadata.eventId,
        type,
        data,
        metadata,
      })),
      expected,
    );
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.#readStream(streamName, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.#readAll(options);
  }

  /**
   * A catch-up subscription to the global order (polling): past events, then new ones, until
   * stopped. Fails with STORE_UNAVAILABLE when the server goes away or the store is closed;
   * resume it from the last position seen.
   */
  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.#ensureOpen();
    return pollAll(
      (fromPosition, settle) => {
        const source = this.#source();
        return rawEvents(readAllPages(source, fromPosition, undefined, settle), source.ensureOpen);
      },
      this.#upcasters,
      options,
    );
  }

  /** Ends the pool if the store made it; closing again does nothing. */
  close(): Promise<void> {
    this.#closing ??= this.#ownsPool ? this.#pool.end().catch(() => undefined) : Promise.resolve();
    return this.#closing;
  }

  #appendTarget(): AppendTarget {
    return { pool: this.#pool, schema: this.#schema.name, statement: this.#statements.append };
  }

  #ensureOpen(): void {
    if (this.#closing !== undefined) throw storeUnavailable('the PostgreSQL store was closed');
  }

  #source(): {
    pool: Pool;
    schema: string;
    statements: Statements;
    pageSize: number;
    waitMs: number;
    ensureOpen: () => void;
  } {
    return {
      pool: this.#pool,
      schema: this.#schema.name,
      statements: this.#statements,
      pageSize: this.#pageSize,
      waitMs: this.#readAllWaitMs,
      ensureOpen: () => {
        this.#ensureOpen();
      },
    };
  }

  #readStream(
    streamName: string,
    options: ReadStreamOptions | undefined,
  ): AsyncIterable<RecordedEvent> {
    return new PagedEvents(() => {
      this.#ensureOpen();
      const name = checkPostgresStreamName(streamName);
      const { fromRevision, maxCount, direction, onInvalidEvent } = checkReadStreamOptions(options);
      return {
        pages: readStreamPages(this.#source(), name, { fromRevision, maxCount, direction }),
        decode: this.#rowDecoder(`stream ${name}`, onInvalidEvent),
      };
    });
  }

  #readAll(options: ReadAllOptions | undefined): AsyncIterable<RecordedEvent> {
    return new PagedEvents(() => {
      this.#ensureOpen();
      const { fromPosition, maxCount, onInvalidEvent } = checkReadAllOptions(options);
      return {
        pages: readAllPages(this.#source(), fromPosition, maxCount),
        decode: this.#rowDecoder('readAll', onInvalidEvent),
      };
    });
  }

  #rowDecoder(
    read: string,
    onInvalidEvent: InvalidEventHandler | undefined,
  ): (row: MessageRow) => RecordedEvent | undefined {
    return rowDecoder({
      read,
      ensureOpen: () => {
        this.#ensureOpen();
      },
      onInvalidEvent,
      upcasters: this.#upcasters,
    });
  }
}
