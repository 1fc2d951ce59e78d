import * as E from 'fp-ts/Either';
import { decodeEvent } from '@order-liability/domain';
import { defaultUpcasters } from './default-upcasters';
import { EventStoreError, invalidEvent } from './errors';
import { recordedMetadataOf } from './metadata';
import type { RecordedEvent } from './port';
import type { Position } from './position';
import { upcast, type UpcasterRegistry } from './upcasting';

/** An event as an adapter finds it in storage, before any decoding. */
export interface RawStoredEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * Decodes a stored event given as its parts: its metadata, then its data upcast from the schema
 * it was written in to the current one, then the domain's codec. The event, or the INVALID_EVENT
 * naming the stream, the revision and the reason. toRecordedEvent's work with nothing wrapped:
 * an adapter decodes every row it reads with it, straight from the row's columns.
 */
export const decodeStoredEvent = (
  streamId: string,
  revision: bigint,
  position: Position,
  type: string,
  data: unknown,
  metadata: unknown,
  upcasters: UpcasterRegistry = defaultUpcasters,
): RecordedEvent | EventStoreError => {
  const recorded = recordedMetadataOf(metadata);
  if (typeof recorded === 'string') return invalidEvent(streamId, revision, recorded);
  const current = upcast(upcasters, type, recorded.schemaVersion, data);
  if (E.isLeft(current)) return invalidEvent(streamId, revision, current.left);
  const event = decodeEvent({ type, data: current.right });
  if (E.isLeft(event)) return invalidEvent(streamId, revision, event.left.message);
  // Object.assign, not a spread followed by more keys: V8 takes a slow path for the latter.
  return Object.assign({ streamId, revision, position, metadata: recorded }, event.right);
};

/**
 * Decodes a stored event (see decodeStoredEvent); any failure is INVALID_EVENT naming the
 * stream, the revision and the reason.
 */
export const toRecordedEvent = (
  raw: RawStoredEvent,
  upcasters: UpcasterRegistry = defaultUpcasters,
): E.Either<EventStoreError, RecordedEvent> => {
  const decoded = decodeStoredEvent(
    raw.streamId,
    raw.revision,
    raw.position,
    raw.type,
    raw.data,
    raw.metadata,
    upcasters,
  );
  return decoded instanceof EventStoreError ? E.left(decoded) : E.right(decoded);
};
