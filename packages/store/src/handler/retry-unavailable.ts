import { setTimeout as sleep } from 'node:timers/promises';
import { isEventStoreError } from '../errors';

export interface UnavailableRetries {
  readonly unavailableRetries: number;
  readonly retryDelayMs: number;
}

const isUnavailable = (error: unknown): boolean =>
  isEventStoreError(error) && error.code === 'STORE_UNAVAILABLE';

/**
 * Runs `operation`, repeating it after STORE_UNAVAILABLE up to `unavailableRetries` times with
 * a doubling pause. Only for operations that are safe to repeat: reads, and appends whose
 * events carry fixed event ids (the store keeps one copy of an event id).
 */
export const retryUnavailable = async <A>(
  operation: () => Promise<A>,
  { unavailableRetries, retryDelayMs }: UnavailableRetries,
): Promise<A> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isUnavailable(error) || attempt >= unavailableRetries) throw error;
      await sleep(retryDelayMs * 2 ** attempt);
    }
  }
};
