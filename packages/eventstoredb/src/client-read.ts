import type { ClientRead, ClientResolvedEvent } from './client/store-client';
import type { OpenCalls } from './open-calls';

/** A client read as the store iterates it, and how to clean up however the iteration ends. */
export interface GuardedRead {
  readonly entries: AsyncIterable<ClientResolvedEvent>;
  /** The read was iterated to its end. */
  completed(): void;
  /** Call in `finally`: a read left early (a `break`) is cancelled. */
  release(): Promise<void>;
}

/**
 * Guards a client read for the store: `close()` ends it with STORE_UNAVAILABLE at the next
 * entry (whichever client, whatever it is waiting for), and a read abandoned early is
 * cancelled, so nothing is left running for the client's `dispose()` to wait on.
 */
export const guardRead = (read: ClientRead, calls: OpenCalls): GuardedRead => {
  let endedWith: Error | undefined;
  // The entry being waited for, failed at once when the store closes. Not a Promise.race with
  // a promise of the end: each race would leave a reaction on it, holding every entry read
  // until the read is over (memory growing with a long readAll).
  let failWaiting: ((error: Error) => void) | undefined;
  const forget = calls.add((error) => {
    endedWith = error;
    failWaiting?.(error);
    void read.cancel();
  });
  let complete = false;
  // Once ended, the read's own answer no longer counts: a cancelled iterator says `done`.
  const iterator: AsyncIterator<ClientResolvedEvent> = {
    next: () => {
      if (endedWith !== undefined) return Promise.reject(endedWith);
      // One promise of our own per entry (this runs for every entry of every read).
      return new Promise((resolve, reject) => {
        failWaiting = reject;
        read.entries.next().then((result) => {
          failWaiting = undefined;
          if (endedWith === undefined) resolve(result);
          else reject(endedWith);
        }, reject);
      });
    },
  };
  return {
    entries: { [Symbol.asyncIterator]: () => iterator },
    completed: () => {
      complete = true;
    },
    release: async () => {
      forget();
      if (!complete) await read.cancel();
    },
  };
};
