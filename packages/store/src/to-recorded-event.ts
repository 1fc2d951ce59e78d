import * as E from 'fp-ts/Either';
import { decodeEvent } from '@order-liability/domain';
import { defaultUpcasters } from './default-upcasters';
import { type EventStoreError, invalidEvent } from './errors';
import { decodeRecordedMetadata } from './metadata';
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
 * Decodes a stored event: its metadata, then its data upcast from the schema it was written
 * in to the current one, then the domain's codec. Any failure is INVALID_EVENT naming the
 * stream, the revision and the reason. Written with plain branches rather than piped
 * combinators: it runs for every event of every replay.
 */
export const toRecordedEvent = (
  raw: RawStoredEvent,
  upcasters: UpcasterRegistry = defaultUpcasters,
): E.Either<EventStoreError, RecordedEvent> => {
  const metadata = decodeRecordedMetadata(raw.metadata);
  if (E.isLeft(metadata)) return E.left(invalidEvent(raw.streamId, raw.revision, metadata.left));
  const data = upcast(upcasters, raw.type, metadata.right.schemaVersion, raw.data);
  if (E.isLeft(data)) return E.left(invalidEvent(raw.streamId, raw.revision, data.left));
  const event = decodeEvent({ type: raw.type, data: data.right });
  if (E.isLeft(event)) return E.left(invalidEvent(raw.streamId, raw.revision, event.left.message));
  // Object.assign, not a spread followed by more keys: V8 takes a slow path for the latter.
  return E.right(
    Object.assign(
      {
        streamId: raw.streamId,
        revision: raw.revision,
        position: raw.position,
        metadata: metadata.right,
      },
      event.right,
    ),
  );
};
