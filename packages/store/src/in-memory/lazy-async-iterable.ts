/**
 * An AsyncIterable over a synchronous source, started at the first `next()` as an async
 * generator would be (so its errors reject that call, not the call that made the iterable).
 * One settled promise per event, without an async generator's machinery: reading memory
 * needs no more.
 */
export const lazyAsyncIterable = <T>(start: () => Iterator<T>): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: (): AsyncIterator<T> => {
    let source: Iterator<T> | undefined;
    return {
      // What the executor throws rejects the promise.
      next: () =>
        new Promise((resolve) => {
          source ??= start();
          resolve(source.next());
        }),
      return: () => {
        source?.return?.();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  },
});
