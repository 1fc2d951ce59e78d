import { defaultUpcasters } from '../default-upcasters';
import { storeUnavailable, streamNotFound } from '../errors';
import {
  checkAppendOptions,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkStreamName,
} from '../options';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../port';
import * as E from 'fp-ts/Either';
import type { InvalidEventHandler } from '../port';
import { prepareEvents } from '../prepare-events';
import { isSystemStream } from '../stream-name';
import { toRecordedEvent } from '../to-recorded-event';
import type { UpcasterRegistry } from '../upcasting';
import { deepFreeze } from './deep-freeze';
import { lazyAsyncIterable } from './lazy-async-iterable';
import { EventLog, type StoredEvent, toRawStoredEvent } from './event-log';
import { indexAfter, selectFromStream } from './select';

export interface InMemoryEventStoreOptions {
  /** Default `defaultUpcasters`. */
  readonly upcasters?: UpcasterRegistry;
  /** The clock that stamps `recordedAt`; default the system clock. */
  readonly now?: () => Date;
}

/**
 * The embedded event store: the whole port in one process's memory, nothing persisted.
 * Global positions are `{ commit: n, prepare: n }` for the n-th event written (from 1), so
 * `{ commit: 0n, prepare: 0n }` is before every event.
 */
export class InMemoryEventStore implements EventStore {
  /** The events; protected so that the testing entry can plant raw events (not for production). */
  protected readonly log = new EventLog();
  readonly #upcasters: UpcasterRegistry;
  readonly #now: () => Date;
  #closed = false;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.#upcasters = options.upcasters ?? defaultUpcasters;
    this.#now = options.now ?? (() => new Date());
  }

  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    // Everything after the first tick is synchronous, so concurrent appends never interleave.
    return Promise.resolve().then(() => {
      this.ensureOpen();
      const name = checkStreamName(streamName);
      const expected = checkAppendOptions(options);
      const prepared = prepareEvents(name, events, this.#now, this.#upcasters);
      return this.log.append(name, prepared, expected, this.#recordedOf);
    });
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return lazyAsyncIterable(() => this.#readStream(streamName, options));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return lazyAsyncIterable(() => this.#readAll(options));
  }

  /** Closes the store; closing again does nothing. */
  close(): Promise<void> {
    this.#closed = true;
    return Promise.resolve();
  }

  /** Throws STORE_UNAVAILABLE once the store is closed. */
  protected ensureOpen(): void {
    if (this.#closed) throw storeUnavailable('the in-memory store was closed');
  }

  // An appended event is decoded (upcast included) once, as a read would, and kept frozen:
  // reads hand out the same objects without parsing or decoding again. Upcasters are pure, so
  // decoding at append gives what decoding at every read would.
  #recordedOf = (stored: StoredEvent): RecordedEvent | undefined => {
    const decoded = toRecordedEvent(toRawStoredEvent(stored), this.#upcasters);
    return E.isRight(decoded) ? deepFreeze(decoded.right) : undefined;
  };

  // Hands out stored events one at a time, stopping if the store closes meanwhile; an event
  // with no decoded copy (planted raw) is decoded here, and an invalid one goes to the handler.
  *#recorded(
    events: Iterable<StoredEvent>,
    onInvalidEvent: InvalidEventHandler | undefined,
  ): Generator<RecordedEvent, void, undefined> {
    for (const event of events) {
      this.ensureOpen();
      if (event.recorded !== undefined) {
        yield event.recorded;
        continue;
      }
      const decoded = toRecordedEvent(toRawStoredEvent(event), this.#upcasters);
      if (E.isRight(decoded)) yield decoded.right;
      else if (onInvalidEvent === undefined) throw decoded.left;
      else onInvalidEvent(decoded.left);
    }
  }

  *#readStream(
    streamName: string,
    options: ReadStreamOptions | undefined,
  ): Generator<RecordedEvent, void, undefined> {
    this.ensureOpen();
    const name = checkStreamName(streamName);
    const { fromRevision, maxCount, direction, onInvalidEvent } = checkReadStreamOptions(options);
    const events = this.log.stream(name);
    if (events === undefined) throw streamNotFound(name);
    const selected = selectFromStream(events, fromRevision, maxCount, direction);
    yield* this.#recorded(selected, onInvalidEvent);
  }

  *#readAll(options: ReadAllOptions | undefined): Generator<RecordedEvent, void, undefined> {
    this.ensureOpen();
    const { fromPosition, maxCount, onInvalidEvent } = checkReadAllOptions(options);
    const all = this.log.all();
    const start = fromPosition === undefined ? 0 : indexAfter(all, fromPosition);
    // A consistent read: events appended while it runs are not included.
    const selected = all.slice(start).filter((event) => !isSystemStream(event.streamId));
    yield* this.#recorded(selected.slice(0, maxCount ?? selected.length), onInvalidEvent);
  }
}
