import {
  checkReadAllOptions,
  comparePositions,
  isSystemStream,
  type ReadAllOptions,
  type RecordedEvent,
} from '@order-liability/store';
import type { ClientContext } from './client-context';
import { guardRead } from './client-read';
import { decodeResolved } from './decode';
import { toStoreError } from './store-error';

/**
 * `readAll` of the port: every non-system stream in global order, strictly after
 * `fromPosition`. EventStoreDB includes the event at the position and counts system events
 * in its own count, so the read runs on and skips both here.
 */
export async function* readAllEvents(
  context: ClientContext,
  options: ReadAllOptions | undefined,
): AsyncGenerator<RecordedEvent, void, undefined> {
  context.ensureOpen();
  const { fromPosition, maxCount, onInvalidEvent } = checkReadAllOptions(options);
  if (maxCount === 0) return;
  const guard = guardRead(context.client.readAll(fromPosition ?? 'start'), context.calls);
  let count = 0;
  try {
    for await (const resolved of guard.entries) {
      const stored = resolved.event;
      if (stored === undefined || isSystemStream(stored.streamId)) continue;
      if (
        fromPosition !== undefined &&
        stored.position !== undefined &&
        comparePositions(stored.position, fromPosition) <= 0
      )
        continue;
      count += 1;
      const event = decodeResolved(resolved, context.upcasters, onInvalidEvent);
      if (event !== undefined) yield event;
      // Leaving the loop early, the guard cancels the rest of the read.
      if (count === maxCount) return;
    }
    guard.completed();
  } catch (error) {
    throw toStoreError(error, { operation: 'reading $all' });
  } finally {
    await guard.release();
  }
}
