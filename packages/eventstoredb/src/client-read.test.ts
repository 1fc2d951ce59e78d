import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { guardRead } from './client-read';
import type { ClientRead, ClientResolvedEvent } from './client/store-client';
import { OpenCalls } from './open-calls';

// A full garbage collection on demand, to prove what a read in progress still holds.
setFlagsFromString('--expose-gc');
const gc: unknown = runInNewContext('gc');
const collectGarbage = (): void => {
  if (typeof gc !== 'function') throw new Error('no gc() in this Node.js');
  Reflect.apply(gc, undefined, []);
};

const entryAt = (revision: number): ClientResolvedEvent => ({
  event: {
    streamId: 'order-1',
    id: `id-${revision}`,
    revision: BigInt(revision),
    type: 'InformationRequested',
    isJson: true,
    data: { orderId: '1' },
    metadata: {},
  },
});

/** A client read of `count` entries, and one that never answers. */
const readOf = (count: number): ClientRead => {
  let next = 0;
  return {
    entries: {
      next: () =>
        Promise.resolve(
          next < count ? { done: false, value: entryAt(next++) } : { done: true, value: undefined },
        ),
    },
    cancel: () => Promise.resolve(),
  };
};

const silentRead = (): ClientRead & { cancelled: () => boolean } => {
  let cancelled = false;
  return {
    entries: { next: () => new Promise<never>(() => undefined) },
    cancel: () => {
      cancelled = true;
      return Promise.resolve();
    },
    cancelled: () => cancelled,
  };
};

/** Takes `count` entries, keeping only weak references to them. */
const handOn = async (
  iterator: AsyncIterator<ClientResolvedEvent>,
  count: number,
): Promise<WeakRef<ClientResolvedEvent>[]> => {
  const handedOn: WeakRef<ClientResolvedEvent>[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await iterator.next();
    if (result.done !== true) handedOn.push(new WeakRef(result.value));
  }
  return handedOn;
};

describe('a guarded client read', () => {
  it('given a long read, when entries have been handed on, then the guard holds none of them', async () => {
    const guard = guardRead(readOf(1001), new OpenCalls());
    const handedOn = await handOn(guard.entries[Symbol.asyncIterator](), 1000);
    // A later job: WeakRefs keep their targets alive to the end of the job that made them.
    await new Promise((resolve) => setImmediate(resolve));

    collectGarbage();

    expect(handedOn.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    guard.completed();
    await guard.release();
  });

  it('given a read waiting on the server, when the store closes, then the wait fails with its error and the read is cancelled', async () => {
    const calls = new OpenCalls();
    const read = silentRead();
    const guard = guardRead(read, calls);
    const waiting = guard.entries[Symbol.asyncIterator]().next();

    calls.endAll(new Error('the store is closed'));

    await expect(waiting).rejects.toThrow('the store is closed');
    expect(read.cancelled()).toBe(true);
    await expect(guard.entries[Symbol.asyncIterator]().next()).rejects.toThrow(
      'the store is closed',
    );
  });

  it('given a read that fails, then the failure is the iteration’s', async () => {
    const failing: ClientRead = {
      entries: { next: () => Promise.reject(new Error('connection reset')) },
      cancel: () => Promise.resolve(),
    };
    const guard = guardRead(failing, new OpenCalls());

    await expect(guard.entries[Symbol.asyncIterator]().next()).rejects.toThrow('connection reset');
  });
});
