import type { Event } from '@order-liability/domain';
import {
  type EventStore,
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

/** A stream the import did not write, and why. Nothing of a refused stream is written. */
export interface RefusedStream {
  readonly streamId: string;
  readonly reason: string;
}

export interface ImportResult {
  /** Events appended. */
  readonly events: number;
  /** Streams written (each whole, in one append). */
  readonly streams: number;
  readonly refused: readonly RefusedStream[];
  /** Records left out because they failed the audit's checks. */
  readonly invalid: readonly InvalidEntry[];
}

export interface ImportOptions {
  /** Records nested deeper are invalid (`too-deep`); default 256. */
  readonly maxDepth?: number;
}

/** One stream of the export as it will be appended, checked record by record. */
interface PendingStream {
  readonly events: NewEvent[];
  /** Revision of the record that gave each event id, to name both ends of a repeat. */
  readonly revisionOfId: Map<string, number>;
  refusal?: string;
}

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

// A repeated event id would make a store take the second event for a retry of the first
// (and drop it) or refuse the append: the stream is refused before anything is written.
const addEvent = (stream: PendingStream, revision: number, event: NewEvent): void => {
  const eventId = event.metadata?.eventId;
  if (eventId !== undefined) {
    const earlier = stream.revisionOfId.get(eventId);
    if (earlier !== undefined) {
      stream.refusal = `event id ${eventId} is given to revisions ${earlier} and ${revision}; every event needs its own`;
      stream.events.length = 0;
      stream.revisionOfId.clear();
      return;
    }
    stream.revisionOfId.set(eventId, revision);
  }
  stream.events.push(event);
};

/**
 * Loads an export into a store, all or nothing per stream. The whole export is read and
 * checked first (records failing the audit's checks — not JSON, codecs, revision gap or
 * duplicate, unknown type — are reported and left out; after a gap the store numbers the
 * events on); then each stream, in the order it first appears, is appended in **one**
 * append expecting 'no-stream'. A stream that already exists, repeats an event id, or that
 * the store refuses is listed with its reason and nothing of it is written. Holds the
 * export's events in memory until they are written. Rejects when the store is unavailable.
 */
export const importItems = async (
  items: AsyncIterable<SourceItem>,
  store: EventStore,
  options: ImportOptions = {},
): Promise<ImportResult> => {
  const cursors = new Map<string, StreamCursor>();
  const streams = new Map<string, PendingStream>();
  const invalid: InvalidEntry[] = [];

  for await (const source of items) {
    const item = resolveItem(source, options.maxDepth);
    if (item === undefined) continue;
    if (item.kind === 'invalid') {
      invalid.push(item.entry);
      const { streamId, revision } = item.entry;
      const cursor = streamId === undefined ? undefined : cursorOf(cursors, streamId);
      if (cursor !== undefined && revision !== undefined) passRevision(cursor, revision);
      continue;
    }
    const { streamId } = item;
    const cursor = cursorOf(cursors, streamId);
    if (cursor === undefined) {
      invalid.push(notAnOrderStream(item));
      continue;
    }
    const step = replayStep(cursor, item, undefined);
    invalid.push(...step.invalid);
    if (step.event === undefined) continue;
    let stream = streams.get(streamId);
    if (stream === undefined) {
      stream = { events: [], revisionOfId: new Map() };
      streams.set(streamId, stream);
    }
    if (stream.refusal !== undefined) continue;
    addEvent(
      stream,
      item.revision,
      newEvent(step.event, item.kind === 'raw' ? item.metadata : undefined),
    );
  }

  let events = 0;
  let written = 0;
  const refused: RefusedStream[] = [];
  for (const [streamId, stream] of streams) {
    // Released as it goes: what is written (or refused) need not be held any longer.
    streams.delete(streamId);
    if (stream.refusal !== undefined) {
      refused.push({ streamId, reason: stream.refusal });
      continue;
    }
    // With the export's event ids, appending to a stream that holds them would count as a
    // retry and succeed silently: look first. 'no-stream' still guards against a race.
    if (await streamExists(store, streamId)) {
      refused.push({ streamId, reason: ALREADY_EXISTS });
      continue;
    }
    try {
      await store.appendToStream(streamId, stream.events, { expectedRevision: 'no-stream' });
      events += stream.events.length;
      written += 1;
    } catch (error) {
      if (!isEventStoreError(error) || error.code === 'STORE_UNAVAILABLE') throw error;
      refused.push({
        streamId,
        reason: error.code === 'WRONG_EXPECTED_VERSION' ? ALREADY_EXISTS : error.message,
      });
    }
  }
  return { events, streams: written, refused, invalid };
};
