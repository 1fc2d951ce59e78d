import type { Event } from '@order-liability/domain';
import {
  type EventStore,
  type ExpectedRevision,
  isEventStoreError,
  type NewEvent,
  type NewEventMetadata,
} from '@order-liability/store';
import { isRecord } from './is-record';
import { replayStep } from './replay-step';
import type { InvalidEntry } from './report';
import { resolveItem } from './resolve-item';
import type { SourceItem } from './source-item';
import { cursorOf, notAnOrderStream, passRevision, type StreamCursor } from './stream-cursor';

/** A stream the import did not write (or stopped writing), and why. */
export interface RefusedStream {
  readonly streamId: string;
  readonly reason: string;
}

export interface ImportResult {
  /** Events appended. */
  readonly events: number;
  /** Streams written (at least one event). */
  readonly streams: number;
  readonly refused: readonly RefusedStream[];
  /** Records left out because they failed the audit's checks. */
  readonly invalid: readonly InvalidEntry[];
}

interface Batch {
  readonly streamId: string;
  readonly events: NewEvent[];
}

const BATCH_SIZE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The ids worth keeping from an export's metadata. recordedAt and schemaVersion are the
// target store's business: the exported data is already in the current schema.
const metadataOf = (metadata: unknown): NewEventMetadata => {
  if (!isRecord(metadata)) return {};
  const text = (key: string): string | undefined => {
    const value = metadata[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const eventId = text('eventId');
  const correlationId = text('correlationId');
  const causationId = text('causationId');
  const idempotencyKey = text('idempotencyKey');
  return {
    ...(eventId !== undefined && UUID.test(eventId) ? { eventId } : {}),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
};

const ALREADY_EXISTS = 'the stream already exists in the store';

// Read to its end (maxCount 1) rather than stopped early: an adapter may hold a
// connection until its read ends.
const streamExists = async (store: EventStore, streamId: string): Promise<boolean> => {
  try {
    let found = false;
    for await (const event of store.readStream(streamId, { maxCount: 1 }))
      found = event.streamId === streamId;
    return found;
  } catch (error) {
    if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return false;
    // An event it cannot decode is still an event: the stream exists.
    if (isEventStoreError(error) && error.code === 'INVALID_EVENT') return true;
    throw error;
  }
};

const newEvent = (event: Event, metadata: unknown): NewEvent => ({
  type: event.type,
  data: event.data,
  metadata: metadataOf(metadata),
});

/**
 * Loads an export into a store, in the export's global order, consecutive events of one
 * stream appended together. The first append of each stream expects 'no-stream', so a
 * stream that already exists is refused (and the rest of it skipped) instead of mixed
 * into. Records failing the audit's checks (not JSON, codecs, revision gap or duplicate,
 * unknown type) are reported and left out; after a gap the store numbers the events on.
 * Rejects when the store is unavailable.
 */
export const importItems = async (
  items: AsyncIterable<SourceItem>,
  store: EventStore,
): Promise<ImportResult> => {
  const cursors = new Map<string, StreamCursor>();
  const written = new Map<string, bigint>();
  const refused = new Map<string, string>();
  const invalid: InvalidEntry[] = [];
  let events = 0;
  let batch: Batch | undefined;

  const flush = async (): Promise<void> => {
    if (batch === undefined) return;
    const { streamId, events: toAppend } = batch;
    batch = undefined;
    const expectedRevision: ExpectedRevision = written.get(streamId) ?? 'no-stream';
    // With the export's event ids, appending to a stream that holds them would count as a
    // retry and succeed silently: look first. 'no-stream' still guards against a race.
    if (expectedRevision === 'no-stream' && (await streamExists(store, streamId))) {
      refused.set(streamId, ALREADY_EXISTS);
      return;
    }
    try {
      const result = await store.appendToStream(streamId, toAppend, { expectedRevision });
      written.set(streamId, result.nextExpectedRevision);
      events += toAppend.length;
    } catch (error) {
      if (!isEventStoreError(error) || error.code === 'STORE_UNAVAILABLE') throw error;
      refused.set(
        streamId,
        error.code === 'WRONG_EXPECTED_VERSION' && expectedRevision === 'no-stream'
          ? ALREADY_EXISTS
          : error.message,
      );
    }
  };

  for await (const source of items) {
    const item = resolveItem(source);
    if (item === undefined) continue;
    if (item.kind === 'invalid') {
      invalid.push(item.entry);
      const { streamId, revision } = item.entry;
      const cursor = streamId === undefined ? undefined : cursorOf(cursors, streamId);
      if (cursor !== undefined && revision !== undefined) passRevision(cursor, revision);
      continue;
    }
    const { streamId } = item;
    if (refused.has(streamId)) continue;
    const cursor = cursorOf(cursors, streamId);
    if (cursor === undefined) {
      invalid.push(notAnOrderStream(item));
      continue;
    }
    const step = replayStep(cursor, item, undefined);
    invalid.push(...step.invalid);
    if (step.event === undefined) continue;
    if (batch !== undefined && (batch.streamId !== streamId || batch.events.length >= BATCH_SIZE))
      await flush();
    if (refused.has(streamId)) continue;
    batch ??= { streamId, events: [] };
    batch.events.push(newEvent(step.event, item.kind === 'raw' ? item.metadata : undefined));
  }
  await flush();
  return {
    events,
    streams: written.size,
    refused: [...refused].map(([streamId, reason]) => ({ streamId, reason })),
    invalid,
  };
};
