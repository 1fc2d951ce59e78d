import { newEventId, submissionEventId } from '../event-ids';
import * as E from 'fp-ts/Either';
import {
  assessLiability,
  type Command,
  type Decision,
  decide,
  decodeCommand,
  type Event,
  fold,
  type OrderState,
} from '@order-liability/domain';
import { isEventStoreError } from '../errors';
import type { EventStore, RecordedEvent } from '../port';
import { orderStreamName } from '../stream-name';
import { CommandRejectedError } from './command-rejected-error';
import { findEarlierSubmission } from './earlier-submission';
import {
  type CheckedHandleOptions,
  checkHandleOptions,
  type HandleOptions,
} from './handle-options';
import { type CaseHistory, loadCase } from './load-case';
import { retryUnavailable } from './retry-unavailable';

/** What `handle` did. */
export interface HandleResult {
  /** The case's stream, `order-<orderId>`. */
  readonly streamName: string;
  /** The events this command recorded; for a duplicate, those the first submission recorded. */
  readonly appended: readonly RecordedEvent[];
  /** The revision of the last of them: the expected revision of a next append. */
  readonly nextExpectedRevision: bigint | 'no-stream';
  /** The liability decision right after `appended`. */
  readonly decision: Decision;
  /** The case's state right after `appended`. */
  readonly state: OrderState;
  /** True when the idempotency key was used before: nothing was appended this time. */
  readonly duplicate: boolean;
  /** Reads it took: 1, plus one per WRONG_EXPECTED_VERSION retried. */
  readonly attempts: number;
}

const readAppended = async (
  store: EventStore,
  streamName: string,
  lastRevision: bigint,
  count: number,
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  const fromRevision = lastRevision - BigInt(count - 1);
  for await (const event of store.readStream(streamName, { fromRevision, maxCount: count }))
    events.push(event);
  return events;
};

const duplicateOf = (
  streamName: string,
  history: CaseHistory,
  options: CheckedHandleOptions,
  attempts: number,
): HandleResult | undefined => {
  if (options.idempotencyKey === undefined) return undefined;
  const earlier = findEarlierSubmission(history.events, options.idempotencyKey);
  const last = earlier?.recorded[earlier.recorded.length - 1];
  if (earlier === undefined || last === undefined) return undefined;
  const state = fold(earlier.upTo);
  return {
    streamName,
    appended: earlier.recorded,
    nextExpectedRevision: last.revision,
    decision: assessLiability(state, options.policy),
    state,
    duplicate: true,
    attempts,
  };
};

const record = async (
  store: EventStore,
  streamName: string,
  history: CaseHistory,
  before: OrderState,
  decided: readonly Event[],
  options: CheckedHandleOptions,
  attempts: number,
): Promise<HandleResult> => {
  const state = fold(decided, before);
  const unchanged = { streamName, state, duplicate: false, attempts };
  const decision = assessLiability(state, options.policy);
  if (decided.length === 0)
    return { ...unchanged, appended: [], nextExpectedRevision: history.revision, decision };
  // Event ids fixed before the first try: repeating an append whose reply was lost stores
  // nothing twice. With an idempotency key they follow from it, so a resubmission from another
  // process after a lost reply is recognised by the store as the same append.
  const { idempotencyKey } = options;
  const events = decided.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      ...options.metadata,
      eventId:
        idempotencyKey === undefined
          ? newEventId()
          : submissionEventId(streamName, idempotencyKey, index),
    },
  }));
  const { nextExpectedRevision } = await retryUnavailable(
    () => store.appendToStream(streamName, events, { expectedRevision: history.revision }),
    options,
  );
  const appended = await retryUnavailable(
    () => readAppended(store, streamName, nextExpectedRevision, decided.length),
    options,
  );
  return { ...unchanged, appended, nextExpectedRevision, decision };
};

const isConflict = (error: unknown): boolean =>
  isEventStoreError(error) && error.code === 'WRONG_EXPECTED_VERSION';

/**
 * Runs a command against its case: reads `order-<orderId>` (a missing stream is a new case),
 * folds it, decides, and appends with the revision it read. After WRONG_EXPECTED_VERSION it
 * reads and decides again, up to `retries` times, then rejects with that error. A refusal
 * rejects with CommandRejectedError and records nothing. With an `idempotencyKey` already on
 * the stream it appends nothing and resolves with the first submission's outcome. A read or
 * an append the store was unavailable for is repeated (`unavailableRetries`, with the same
 * event ids), then STORE_UNAVAILABLE is surfaced.
 */
export const handle = async (
  store: EventStore,
  command: Command,
  options?: HandleOptions,
): Promise<HandleResult> => {
  const checked = checkHandleOptions(options);
  const valid = decodeCommand(command);
  if (E.isLeft(valid)) throw new CommandRejectedError(valid.left);
  const streamName = orderStreamName(valid.right.data.orderId);
  for (let attempts = 1; ; attempts += 1) {
    const history = await retryUnavailable(() => loadCase(store, streamName), checked);
    const duplicate = duplicateOf(streamName, history, checked, attempts);
    if (duplicate !== undefined) return duplicate;
    const before = fold(history.events);
    const decided = decide(valid.right, before, checked.policy);
    if (E.isLeft(decided)) throw new CommandRejectedError(decided.left);
    try {
      return await record(store, streamName, history, before, decided.right, checked, attempts);
    } catch (error) {
      if (!isConflict(error) || attempts > checked.retries) throw error;
    }
  }
};
