import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
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
 * stream, the revision and the reason.
 */
export const toRecordedEvent = (
  raw: RawStoredEvent,
  upcasters: UpcasterRegistry = defaultUpcasters,
): E.Either<EventStoreError, RecordedEvent> =>
  pipe(
    decodeRecordedMetadata(raw.metadata),
    E.chain((metadata) =>
      pipe(
        upcast(upcasters, raw.type, metadata.schemaVersion, raw.data),
        E.chain((data) =>
          pipe(
            decodeEvent({ type: raw.type, data }),
            E.mapLeft((error) => error.message),
          ),
        ),
        E.map((event): RecordedEvent => ({
          ...event,
          streamId: raw.streamId,
          revision: raw.revision,
          position: raw.position,
          metadata,
        })),
      ),
    ),
    E.mapLeft((reason) => invalidEvent(raw.streamId, raw.revision, reason)),
  );
