/**
 * Resolves once the queries asked of a pg Pool so far have gone to the server. The pool hands
 * a query an idle connection in a `process.nextTick`, and ticks run only when the microtask
 * queue is empty: a reader that asks for its next page and then hands out the current one, an
 * event per resolved promise, would keep that tick (and so the query) waiting until the caller
 * had taken the whole page, and the server would never work while the caller decodes. Ticks run
 * in order, so this one runs after the pool's.
 */
export const queryDispatched = (): Promise<void> =>
  new Promise((resolve) => {
    process.nextTick(resolve);
  });
