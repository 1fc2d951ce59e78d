import type { Event } from '@order-liability/domain';
import type { EventStoreError } from './errors';
import type { Position } from './position';

/**
 * The revision a writer expects a stream to be at. Revisions are 0-based: the first event
 * of a stream has revision 0 (as in EventStoreDB), so a stream with one event is at 0n.
 */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | bigint;

/** The schema version of the v1 events this library writes. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Metadata a caller may give on append; it comes back on read as given. */
export interface NewEventMetadata {
  /** A UUID; generated when absent. An event id already stored is not stored again. */
  readonly eventId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Set by the command handler: e.g. the form's submission id. */
  readonly idempotencyKey?: string;
  /** Only for importing older histories: the schema the data is written in (upcast on read). */
  readonly schemaVersion?: number;
}

/** An event to append: `{ type, data, metadata? }` (data is validated with the domain's codecs). */
export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: NewEventMetadata;
}

export interface RecordedMetadata {
  readonly eventId: string;
  /** When the store recorded it, ISO-8601 UTC. */
  readonly recordedAt: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly idempotencyKey?: string;
  /** The schema the event was written in; `data` is always upcast to the current one. */
  readonly schemaVersion: number;
}

/** An event as read back: a v1 domain event plus where and when it was recorded. */
export type RecordedEvent = Event & {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly metadata: RecordedMetadata;
};

export interface AppendOptions {
  /** Default `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event written. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event written. */
  readonly position: Position;
}

export type Direction = 'forwards' | 'backwards';

/** Called for an event that fails decoding; when given, the read skips it and goes on. */
export type InvalidEventHandler = (error: EventStoreError) => void;

export interface ReadStreamOptions {
  /** Default: the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
  readonly direction?: Direction;
  readonly onInvalidEvent?: InvalidEventHandler;
}

export interface ReadAllOptions {
  /** Yield only events after this position (resume with the last position seen). */
  readonly fromPosition?: Position;
  readonly maxCount?: number;
  readonly onInvalidEvent?: InvalidEventHandler;
}

/**
 * The event store port. Every adapter passes `describeEventStoreContract`. Methods resolve,
 * or reject with an `EventStoreError` (WRONG_EXPECTED_VERSION, STREAM_NOT_FOUND,
 * STORE_UNAVAILABLE, INVALID_EVENT); reads are async iterables that reject the same way.
 */
export interface EventStore {
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Every non-system stream in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** After close, every method rejects with STORE_UNAVAILABLE. */
  close(): Promise<void>;
}
