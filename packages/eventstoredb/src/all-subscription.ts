import type { ClientRecordedEvent, StoreClient } from './client/store-client';
import {
  type AllSubscription,
  type SubscribeToAllOptions,
  comparePositions,
  isSystemStream,
  storeUnavailable,
  type Position,
  type RecordedEvent,
  type UpcasterRegistry,
} from '@order-liability/store';
import { decodeResolved } from './decode';
import { CaughtUp } from './caught-up';
import type { OpenCalls } from './open-calls';
import { toStoreError } from './store-error';

export type { AllSubscription, SubscribeToAllOptions } from '@order-liability/store';

const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'commit') === 'bigint' &&
  typeof Reflect.get(value, 'prepare') === 'bigint';

const checkOptions = (options: SubscribeToAllOptions): void => {
  const { fromPosition, streamNamePrefix, onInvalidEvent } = options;
  if (fromPosition !== undefined && !isPosition(fromPosition)) {
    throw new TypeError(
      'fromPosition: expected a position { commit, prepare } of bigints, as read.',
    );
  }
  if (
    streamNamePrefix !== undefined &&
    (typeof streamNamePrefix !== 'string' || streamNamePrefix === '')
  ) {
    throw new TypeError('streamNamePrefix: expected a non-empty text such as order-.');
  }
  if (onInvalidEvent !== undefined && typeof onInvalidEvent !== 'function') {
    throw new TypeError('onInvalidEvent: expected a function.');
  }
};

/** Starts a catch-up subscription to `$all` through the client (see `EventStoreDBEventStore.subscribeToAll`). */
export const subscribeToAllEvents = (
  client: StoreClient,
  calls: OpenCalls,
  upcasters: UpcasterRegistry,
  options: SubscribeToAllOptions,
): AllSubscription => {
  checkOptions(options);
  const { fromPosition, streamNamePrefix, onInvalidEvent } = options;
  const subscription = client.subscribeToAll({
    fromPosition: fromPosition ?? 'start',
    // The server filters; the adapter checks again below, as the port's rules are its own.
    filter: streamNamePrefix === undefined ? { regex: '^[^$]' } : { prefixes: [streamNamePrefix] },
  });
  // Failures reach the consumer through the iteration; the stream may repeat them as it
  // is torn down, when nobody listens any more.
  subscription.on('error', () => undefined);
  const caughtUp = new CaughtUp(subscription);
  let stopped = false;
  const forget = calls.add((error) => {
    caughtUp.fail(error);
    void subscription.unsubscribe();
    subscription.destroy(error);
  });

  const wanted = (event: ClientRecordedEvent | undefined): boolean =>
    event !== undefined &&
    !isSystemStream(event.streamId) &&
    (streamNamePrefix === undefined || event.streamId.startsWith(streamNamePrefix)) &&
    (fromPosition === undefined ||
      (event.position !== undefined && comparePositions(event.position, fromPosition) > 0));

  async function* events(): AsyncGenerator<RecordedEvent, void, undefined> {
    try {
      for await (const resolved of subscription) {
        caughtUp.received();
        const event = wanted(resolved.event)
          ? decodeResolved(resolved, upcasters, onInvalidEvent)
          : undefined;
        if (event !== undefined) yield event;
        caughtUp.handled();
      }
    } catch (error) {
      if (stopped) return;
      const failure = toStoreError(error, { operation: 'subscribing to $all' });
      caughtUp.fail(failure);
      throw failure;
    } finally {
      forget();
      caughtUp.fail(storeUnavailable('the subscription ended before it caught up'));
      await subscription.unsubscribe();
    }
  }

  const iterator = events();
  return {
    caughtUp: caughtUp.promise,
    [Symbol.asyncIterator]: () => iterator,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      forget();
      caughtUp.fail(storeUnavailable('the subscription was stopped before it caught up'));
      await subscription.unsubscribe();
      subscription.destroy();
    },
  };
};
