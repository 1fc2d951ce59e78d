import { hidePassword, withPasswordHiddenFromWarnings } from './hide-password';
import {
  defaultUpcasters,
  storeUnavailable,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type UpcasterRegistry,
} from '@order-liability/store';
import {
  subscribeToAllEvents,
  type AllSubscription,
  type SubscribeToAllOptions,
} from './all-subscription';
import { appendEvents } from './append';
import type { ClientContext } from './client-context';
import { clientKindOf, connectClient, isClientLike, storeClientOf } from './client/connect';
import type { ClientKind, EventStoreClientLike, StoreClient } from './client/store-client';
import { OpenCalls } from './open-calls';
import { readAllEvents } from './read-all';
import { readStreamEvents } from './read-stream';

// Checked at run time too: JavaScript callers get a clear error for a misspelt name.
const CLIENT_KINDS: ReadonlySet<unknown> = new Set<ClientKind>(['kurrentdb', 'eventstoredb']);

export interface EventStoreDBEventStoreOptions {
  /** Default `defaultUpcasters`. */
  readonly upcasters?: UpcasterRegistry;
  /** The clock that stamps `recordedAt` in the metadata; default the system clock. */
  readonly now?: () => Date;
  /**
   * The client a connection string is opened with: `'kurrentdb'` (`@kurrent/kurrentdb-client`
   * 1.x) or `'eventstoredb'` (`@eventstore/db-client` 6.x). Default: `'kurrentdb'` for
   * `kurrentdb://` (and `kurrent://`, `kdb://`) URLs, `'eventstoredb'` for `esdb://` ones.
   */
  readonly client?: ClientKind;
}

// The client's parse error quotes a piece of the string, which may hold a password: the
// message keeps only where and what was expected.
const withoutQuotes = (message: string): string => message.replace(/"[^"]*"/g, '…');

const connect = (connectionString: string, kind: ClientKind): StoreClient => {
  try {
    return withPasswordHiddenFromWarnings(connectionString, () =>
      connectClient(kind, connectionString),
    );
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith('client: ')) throw error;
    const reason =
      error instanceof Error
        ? hidePassword(withoutQuotes(error.message), connectionString)
        : 'it does not parse';
    throw new TypeError(
      `connectionString: expected an EventStoreDB connection string such as esdb://localhost:2113?tls=false (${reason}).`,
    );
  }
};

/**
 * The store port on EventStoreDB (or KurrentDB) through `@eventstore/db-client`. One case is
 * one stream `order-<orderId>`; revisions and positions are EventStoreDB's own. Give it a
 * connection string (the store owns the client and disposes of it on `close()`) or a client
 * you manage (then `close()` ends only this store's reads and subscriptions).
 */
export class EventStoreDBEventStore implements EventStore {
  readonly #context: ClientContext;
  readonly #ownsClient: boolean;
  readonly #now: () => Date;
  #closed = false;

  constructor(source: string | EventStoreClientLike, options: EventStoreDBEventStoreOptions = {}) {
    const { client: kind } = options;
    if (kind !== undefined && !CLIENT_KINDS.has(kind)) {
      throw new TypeError("client: expected 'kurrentdb' or 'eventstoredb'.");
    }
    let client: StoreClient | undefined;
    if (typeof source === 'string') client = connect(source, kind ?? clientKindOf(source));
    else if (isClientLike(source)) client = storeClientOf(source);
    if (client === undefined) {
      throw new TypeError(
        'source: expected a connection string, a KurrentDBClient or an EventStoreDBClient.',
      );
    }
    this.#ownsClient = typeof source === 'string';
    this.#now = options.now ?? (() => new Date());
    this.#context = {
      client,
      calls: new OpenCalls(),
      upcasters: options.upcasters ?? defaultUpcasters,
      // The client keeps serving after dispose(), so the store keeps its own guard.
      ensureOpen: () => {
        if (this.#closed) throw storeUnavailable('the EventStoreDB store was closed');
      },
    };
  }

  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    return appendEvents(this.#context, this.#now, streamName, events, options);
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return readStreamEvents(this.#context, streamName, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return readAllEvents(this.#context, options);
  }

  /**
   * A catch-up subscription to `$all` from a position (exclusive), optionally only the streams
   * whose names start with a prefix; system streams are always left out.
   */
  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.#context.ensureOpen();
    const { client, calls, upcasters } = this.#context;
    return subscribeToAllEvents(client, calls, upcasters, options);
  }

  /** Ends running reads and subscriptions with STORE_UNAVAILABLE; closing again does nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#context.calls.endAll(storeUnavailable('the EventStoreDB store was closed'));
    if (this.#ownsClient) await this.#context.client.dispose();
  }
}
