import { deferred } from '@order-liability/store';
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
  const ended = deferred<never>();
  let endedWith: Error | undefined;
  const forget = calls.add((error) => {
    endedWith = error;
    ended.reject(error);
    void read.cancel();
  });
  let complete = false;
  // Once ended, the read's own answer no longer counts: a cancelled iterator says `done`.
  const iterator: AsyncIterator<ClientResolvedEvent> = {
    next: () =>
      endedWith === undefined
        ? Promise.race([read.entries.next(), ended.promise])
        : Promise.reject(endedWith),
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
