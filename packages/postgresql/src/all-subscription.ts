import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AllSubscription,
  type SubscribeToAllOptions as BaseSubscribeToAllOptions,
  deferred,
  isSystemStream,
  type Position,
  type RawStoredEvent,
  readWithInvalidHandling,
  type RecordedEvent,
  storeUnavailable,
  type UpcasterRegistry,
} from '@order-liability/store';
import { PostgreSQLOptionsError } from './schema-name';

/** The store's subscription options, and how often to poll once caught up. */
export interface SubscribeToAllOptions extends BaseSubscribeToAllOptions {
  /** How long to wait between polls once caught up; default 100 ms. */
  readonly pollIntervalMs?: number;
}

export type { AllSubscription };

/**
 * Reads the store's global order from a position. `settle` true waits, at the end, for the
 * transactions open when the read began (see readAllPages).
 */
export type ReadRawAll = (
  fromPosition: Position | undefined,
  settle: boolean,
) => AsyncIterable<RawStoredEvent>;

const DEFAULT_POLL_INTERVAL_MS = 100;

const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'commit') === 'bigint' &&
  typeof Reflect.get(value, 'prepare') === 'bigint';

const checkOptions = (options: SubscribeToAllOptions): number => {
  const { fromPosition, streamNamePrefix, onInvalidEvent, pollIntervalMs } = options;
  if (fromPosition !== undefined && !isPosition(fromPosition))
    throw new PostgreSQLOptionsError(
      'fromPosition: expected a position { commit, prepare } of bigints, as read.',
    );
  if (
    streamNamePrefix !== undefined &&
    (typeof streamNamePrefix !== 'string' || streamNamePrefix === '')
  )
    throw new PostgreSQLOptionsError('streamNamePrefix: expected a non-empty text such as order-.');
  if (onInvalidEvent !== undefined && typeof onInvalidEvent !== 'function')
    throw new PostgreSQLOptionsError('onInvalidEvent: expected a function.');
  if (pollIntervalMs === undefined) return DEFAULT_POLL_INTERVAL_MS;
  if (
    typeof pollIntervalMs === 'number' &&
    Number.isSafeInteger(pollIntervalMs) &&
    pollIntervalMs > 0
  )
    return pollIntervalMs;
  throw new PostgreSQLOptionsError(
    'pollIntervalMs: expected a whole number of milliseconds above 0.',
  );
};

/**
 * A catch-up subscription by polling: reads from the checkpoint to the end, then again every
 * `pollIntervalMs`. The checkpoint moves past every row read (filtered and invalid ones too),
 * so nothing is handed out or reported twice, and readAll's ordering means nothing committed
 * later can land behind it.
 */
export const pollAll = (
  readRawAll: ReadRawAll,
  upcasters: UpcasterRegistry,
  options: SubscribeToAllOptions,
): AllSubscription => {
  const interval = checkOptions(options);
  const { streamNamePrefix, onInvalidEvent } = options;
  const caughtUp = deferred<undefined>();
  const stopping = new AbortController();
  let position = options.fromPosition;
  // A function, not the flag itself: the flag changes while a generator is suspended.
  const stopped = (): boolean => stopping.signal.aborted;

  const wanted = (raw: RawStoredEvent): boolean =>
    !isSystemStream(raw.streamId) &&
    (streamNamePrefix === undefined || raw.streamId.startsWith(streamNamePrefix));

  // The rows of one pass that are wanted, moving the checkpoint past every row pulled.
  async function* wantedRows(settle: boolean): AsyncGenerator<RawStoredEvent, void, undefined> {
    for await (const raw of readRawAll(position, settle)) {
      if (stopped()) return;
      position = raw.position;
      if (wanted(raw)) yield raw;
    }
  }

  async function* events(): AsyncGenerator<RecordedEvent, void, undefined> {
    try {
      for (let first = true; !stopped(); first = false) {
        for await (const event of readWithInvalidHandling(wantedRows(first), {
          onInvalidEvent,
          upcasters,
        })) {
          if (stopped()) return;
          yield event;
        }
        if (first) caughtUp.resolve(undefined);
        await sleep(interval, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    } catch (error) {
      if (stopped()) return;
      caughtUp.reject(error);
      throw error;
    } finally {
      caughtUp.reject(storeUnavailable('the subscription ended before it caught up'));
    }
  }

  const iterator = events();
  return {
    caughtUp: caughtUp.promise,
    [Symbol.asyncIterator]: () => iterator,
    stop: () => {
      stopping.abort();
      caughtUp.reject(storeUnavailable('the subscription was stopped before it caught up'));
      return Promise.resolve();
    },
  };
};
