/** The reads and subscriptions still running on a store, so that `close()` can end them. */
export class OpenCalls {
  readonly #ends = new Set<(error: Error) => void>();

  /** Registers how to end a call; returns the function that forgets it once it is over. */
  add(end: (error: Error) => void): () => void {
    this.#ends.add(end);
    return () => {
      this.#ends.delete(end);
    };
  }

  /** Ends every call with `error`. */
  endAll(error: Error): void {
    const ends = [...this.#ends];
    this.#ends.clear();
    for (const end of ends) end(error);
  }
}
