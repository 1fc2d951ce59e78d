import type { EventStore } from '@order-liability/store';

/**
 * Reads the streams `order-r0` … `order-r<streams - 1>` through a store's readStream and
 * gives how many events came back: the benches' readStream side, written once.
 */
export const countStreamReads = async (
  store: Pick<EventStore, 'readStream'>,
  streams: number,
): Promise<number> => {
  let count = 0;
  for (let s = 0; s < streams; s++)
    for await (const event of store.readStream(`order-r${s}`)) if (event.revision >= 0n) count += 1;
  return count;
};
