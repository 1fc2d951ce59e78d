import {
  checkAppendOptions,
  checkExpectedRevision,
  checkStreamName,
  invalidEvent,
  prepareEvents,
  type AppendOptions,
  type AppendResult,
  type NewEvent,
} from '@order-liability/store';
import type { ClientContext } from './client-context';
import { toEventData } from './event-data';
import { findRetriedAppend } from './retried-append';
import { toStoreError } from './store-error';
import { positionOf, readStoredIds, type StoredEventAt } from './stored-events';

const earlierResult = async (
  context: ClientContext,
  streamName: string,
  stored: readonly StoredEventAt[],
  lastRevision: bigint,
): Promise<AppendResult> => {
  const last = stored.find((event) => event.revision === lastRevision);
  const position = last?.position ?? (await positionOf(context, streamName, lastRevision));
  return { nextExpectedRevision: lastRevision, position };
};

// The caller's eventIds may repeat an append whose reply was lost: answer it from the stream.
const answerRetry = async (
  context: ClientContext,
  name: string,
  expected: ReturnType<typeof checkAppendOptions>,
  prepared: ReturnType<typeof prepareEvents>,
): Promise<AppendResult | undefined> => {
  const stored = await readStoredIds(context, name);
  const retry = findRetriedAppend(stored, prepared);
  if (retry.kind === 'retry') return earlierResult(context, name, stored, retry.lastRevision);
  if (retry.kind === 'partial') {
    const current = stored[stored.length - 1]?.revision ?? 'no-stream';
    const conflict = checkExpectedRevision(name, expected, current);
    if (conflict !== undefined) throw conflict;
    throw invalidEvent(
      name,
      undefined,
      `eventIds ${retry.storedIds.join(', ')} are already stored in this stream but other events of the append are not; retry an append with exactly its original events`,
    );
  }
  return undefined;
};

/**
 * `appendToStream` of the port: validated JSON events with their metadata, the expected
 * revision checked by the server. A retry of an earlier append (the caller's eventIds already
 * stored) is answered from the stream and writes nothing, whatever revision it now expects;
 * EventStoreDB's own idempotence depends on the expected revision, so the adapter reads the
 * stream's ids first whenever the caller chose ids (the command handler always does).
 */
export const appendEvents = async (
  context: ClientContext,
  now: () => Date,
  streamName: string,
  events: readonly NewEvent[],
  options: AppendOptions | undefined,
): Promise<AppendResult> => {
  context.ensureOpen();
  const name = checkStreamName(streamName);
  const expected = checkAppendOptions(options);
  const prepared = prepareEvents(name, events, now, context.upcasters);
  try {
    // Only ids the caller chose can repeat; generated ones are fresh UUIDs.
    if (events.some((event) => event.metadata?.eventId !== undefined)) {
      const earlier = await answerRetry(context, name, expected, prepared);
      if (earlier !== undefined) return earlier;
    }
    const result = await context.client.append(
      name,
      prepared.map((event) => toEventData(name, event)),
      expected,
    );
    const position =
      result.position ?? (await positionOf(context, name, result.nextExpectedRevision));
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  } catch (error) {
    throw toStoreError(error, { operation: `appending to ${name}`, streamName: name, expected });
  }
};
