import {
  checkReadStreamOptions,
  checkStreamName,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@order-liability/store';
import type { ClientContext } from './client-context';
import { guardRead } from './client-read';
import { decodeResolved } from './decode';
import { toStoreError } from './store-error';

/** `readStream` of the port: one stream, forwards or backwards, from a revision (inclusive). */
export async function* readStreamEvents(
  context: ClientContext,
  streamName: string,
  options: ReadStreamOptions | undefined,
): AsyncGenerator<RecordedEvent, void, undefined> {
  context.ensureOpen();
  const name = checkStreamName(streamName);
  const { fromRevision, maxCount, direction, onInvalidEvent } = checkReadStreamOptions(options);
  const backwards = direction === 'backwards';
  // A read of 0 events still asks for 1, so that a missing stream is reported.
  const guard = guardRead(
    context.client.readStream(name, {
      fromRevision: fromRevision ?? (backwards ? 'end' : 'start'),
      direction: backwards ? 'backwards' : 'forwards',
      ...(maxCount === undefined ? {} : { maxCount: Math.max(maxCount, 1) }),
    }),
    context.calls,
  );
  let count = 0;
  try {
    for await (const resolved of guard.entries) {
      // Leaving the loop early, the guard cancels the rest of the read.
      if (count === maxCount) return;
      count += 1;
      const event = decodeResolved(resolved, context.upcasters, onInvalidEvent);
      if (event !== undefined) yield event;
    }
    guard.completed();
  } catch (error) {
    throw toStoreError(error, { operation: `reading ${name}`, streamName: name });
  } finally {
    await guard.release();
  }
}
