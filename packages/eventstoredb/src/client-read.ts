import type { StreamingRead } from '@eventstore/db-client';
import type { OpenCalls } from './open-calls';

/** Cleans up after a client read however its iteration ends. */
export interface ReadGuard {
  /** The read was iterated to its end. */
  completed(): void;
  /** Call in `finally`: a read left early (a `break`) has its gRPC call cancelled. */
  release(): Promise<void>;
}

/**
 * Guards a client read for the store: `close()` ends it with STORE_UNAVAILABLE, and a read
 * abandoned early is cancelled, so nothing is left running for the client's `dispose()` to
 * wait on. The store iterates the read itself (one async layer per event, not two).
 */
export const guardRead = <T>(read: StreamingRead<T>, calls: OpenCalls): ReadGuard => {
  // Failures reach the consumer through the iteration; the stream may repeat them as it is
  // torn down, when nobody listens any more.
  read.on('error', () => undefined);
  const forget = calls.add((error) => {
    void read.cancel();
    read.destroy(error);
  });
  let complete = false;
  return {
    completed: () => {
      complete = true;
    },
    release: async () => {
      forget();
      if (!complete) await read.cancel();
    },
  };
};
