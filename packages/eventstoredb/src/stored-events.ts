import { storeUnavailable, type Position } from '@order-liability/store';
import type { ClientContext } from './client-context';
import { guardRead } from './client-read';
import type { StoredId } from './retried-append';
import { toStoreError } from './store-error';

/** An event already in a stream: its id, revision and position. */
export interface StoredEventAt extends StoredId {
  readonly position: Position | undefined;
}

/** The ids of a stream's events without decoding them; empty for a missing stream. */
export const readStoredIds = async (
  context: ClientContext,
  streamName: string,
): Promise<StoredEventAt[]> => {
  const stored: StoredEventAt[] = [];
  const guard = guardRead(
    context.client.readStream(streamName, { fromRevision: 'start', direction: 'forwards' }),
    context.calls,
  );
  try {
    for await (const { event } of guard.entries) {
      if (event !== undefined)
        stored.push({ id: event.id, revision: event.revision, position: event.position });
    }
    guard.completed();
  } catch (error) {
    const failure = toStoreError(error, { operation: `reading ${streamName}`, streamName });
    if (failure.code !== 'STREAM_NOT_FOUND') throw failure;
  } finally {
    await guard.release();
  }
  return stored;
};

/** The position of one event, for servers that answer an append without one. */
export const positionOf = async (
  context: ClientContext,
  streamName: string,
  revision: bigint,
): Promise<Position> => {
  const guard = guardRead(
    context.client.readStream(streamName, {
      fromRevision: revision,
      direction: 'backwards',
      maxCount: 1,
    }),
    context.calls,
  );
  try {
    for await (const { event } of guard.entries)
      if (event?.position !== undefined) return event.position;
    guard.completed();
  } catch (error) {
    throw toStoreError(error, { operation: `reading ${streamName}`, streamName });
  } finally {
    await guard.release();
  }
  throw storeUnavailable(`EventStoreDB gave no position for ${streamName}@${revision}`);
};
