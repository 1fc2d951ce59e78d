import { checkExpectedRevision } from '../expected-revision';
import { invalidEvent } from '../errors';
import { isRecord } from '../is-record';
import { parseJson, stringifyJson } from '../json';
import type { AppendResult, ExpectedRevision, RecordedEvent } from '../port';
import type { Position } from '../position';
import type { PreparedEvent } from '../prepare-events';
import type { RawStoredEvent } from '../to-recorded-event';
import { findRetriedAppend } from './retried-append';

/**
 * One event as the in-memory store keeps it: data and metadata as JSON text, like a database,
 * and, for an event appended through the port, the event as a read gives it, decoded once and
 * frozen all the way down (a planted raw event has none and is decoded on every read).
 */
export interface StoredEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded: RecordedEvent | undefined;
}

/** The event a read gives for a stored one (deeply frozen), or undefined to decode it on each read. */
export type RecordedOf = (stored: StoredEvent) => RecordedEvent | undefined;

export const toRawStoredEvent = (stored: StoredEvent): RawStoredEvent => ({
  streamId: stored.streamId,
  revision: stored.revision,
  position: stored.position,
  type: stored.type,
  data: parseJson(stored.data),
  metadata: parseJson(stored.metadata),
});

const toJson = (value: unknown): string => stringifyJson(value) ?? 'null';

/**
 * The in-memory store's data: every event in global order, each stream's events by revision,
 * and each stream's event ids. Synchronous, so one append is atomic in a single thread.
 */
export class EventLog {
  readonly #all: StoredEvent[] = [];
  readonly #streams = new Map<string, StoredEvent[]>();
  readonly #eventIds = new Map<string, Map<string, bigint>>();

  /** Every event, system streams included, in global order; positions are 1, 2, 3… */
  all(): readonly StoredEvent[] {
    return this.#all;
  }

  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.#streams.get(streamName);
  }

  revisionOf(streamName: string): bigint | 'no-stream' {
    const events = this.#streams.get(streamName);
    return events === undefined ? 'no-stream' : BigInt(events.length - 1);
  }

  /**
   * Appends validated events. A retry of an earlier append (every eventId already stored in
   * this stream, at consecutive revisions in the same order) writes nothing and returns the
   * earlier result, whatever revision is expected now. Otherwise the expected revision is
   * checked, and events of which only some are already stored are INVALID_EVENT.
   */
  append(
    streamName: string,
    events: readonly PreparedEvent[],
    expected: ExpectedRevision,
    recordedOf: RecordedOf,
  ): AppendResult {
    const stream = this.#streams.get(streamName) ?? [];
    const retry = findRetriedAppend(this.#eventIds.get(streamName), events);
    if (retry.kind === 'retry') {
      const last = stream[Number(retry.lastRevision)];
      if (last !== undefined)
        return { nextExpectedRevision: last.revision, position: last.position };
    }
    const conflict = checkExpectedRevision(streamName, expected, this.revisionOf(streamName));
    if (conflict !== undefined) throw conflict;
    if (retry.kind === 'partial')
      throw invalidEvent(
        streamName,
        undefined,
        `eventIds ${retry.storedIds.join(', ')} are already stored in this stream but other events of the append are not; retry an append with exactly its original events`,
      );
    let last: StoredEvent | undefined;
    for (const event of events)
      last = this.#write(
        streamName,
        event.type,
        toJson(event.data),
        toJson(event.metadata),
        event.metadata.eventId,
        recordedOf,
      );
    if (last === undefined)
      throw invalidEvent(streamName, undefined, 'an append needs at least one event');
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** Stores an event at the stream's next revision as it is, without any validation (tests only). */
  writeRaw(streamName: string, type: string, data: unknown, metadata: unknown): void {
    const eventId = isRecord(metadata) ? metadata['eventId'] : undefined;
    this.#write(
      streamName,
      type,
      toJson(data),
      toJson(metadata),
      typeof eventId === 'string' ? eventId : undefined,
      () => undefined,
    );
  }

  #write(
    streamName: string,
    type: string,
    data: string,
    metadata: string,
    eventId: string | undefined,
    recordedOf: RecordedOf,
  ): StoredEvent {
    const stream = this.#streams.get(streamName) ?? [];
    const sequence = BigInt(this.#all.length + 1);
    const written: StoredEvent = {
      streamId: streamName,
      revision: BigInt(stream.length),
      position: Object.freeze({ commit: sequence, prepare: sequence }),
      type,
      data,
      metadata,
      recorded: undefined,
    };
    const stored = Object.freeze({ ...written, recorded: recordedOf(written) });
    stream.push(stored);
    this.#streams.set(streamName, stream);
    this.#all.push(stored);
    if (eventId !== undefined) {
      const ids = this.#eventIds.get(streamName) ?? new Map<string, bigint>();
      ids.set(eventId, stored.revision);
      this.#eventIds.set(streamName, ids);
    }
    return stored;
  }
}
