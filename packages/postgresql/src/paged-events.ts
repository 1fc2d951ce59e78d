import type { MessageRow } from './message-row';

/** What a read needs once it starts: its pages of rows and how to turn a row into an event. */
export interface PagedRead<T> {
  readonly pages: AsyncIterator<readonly MessageRow[], void, undefined>;
  /** The event of a row, or undefined to skip the row; may throw to end the read. */
  readonly decode: (row: MessageRow) => T | undefined;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The events of a read that fetches rows a page at a time, as a one-shot async iterator that
 * behaves as an async generator would: nothing runs before the first `next()` (so `start`'s
 * errors are rejections), an error ends the read and closes its pages, `return()` closes them
 * too, and calls made while a page is on its way wait for it. Hand-written because an async
 * generator pays several promise steps for every event it yields; here an event of a page
 * already fetched is one resolved promise.
 */
export class PagedEvents<T> implements AsyncIterableIterator<T> {
  readonly #start: () => PagedRead<T>;
  #read: PagedRead<T> | undefined;
  #rows: readonly MessageRow[] = [];
  #index = 0;
  #done = false;
  /** The step under way (a page being fetched): later calls wait for it. */
  #pending: Promise<IteratorResult<T, undefined>> | undefined;

  constructor(start: () => PagedRead<T>) {
    this.#start = start;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#pending !== undefined) {
      const after = this.#pending.then(
        () => this.next(),
        () => this.next(),
      );
      return after;
    }
    if (this.#done) return Promise.resolve(DONE);
    try {
      const event = this.#nextOfPage();
      if (event !== undefined) return Promise.resolve({ done: false, value: event });
    } catch (error) {
      return this.#fail(error);
    }
    const step = this.#nextPage();
    this.#pending = step;
    const settle = (): void => {
      if (this.#pending === step) this.#pending = undefined;
    };
    step.then(settle, settle);
    return step;
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    if (this.#pending !== undefined) await this.#pending.catch(() => undefined);
    if (!this.#done) {
      this.#done = true;
      await this.#read?.pages.return?.();
    }
    return DONE;
  }

  /** The next event of the page in hand; undefined when the page has no more. */
  #nextOfPage(): T | undefined {
    if (this.#read === undefined) {
      this.#read = this.#start();
      return undefined;
    }
    const { decode } = this.#read;
    while (this.#index < this.#rows.length) {
      const row = this.#rows[this.#index];
      this.#index += 1;
      if (row === undefined) continue;
      const event = decode(row);
      if (event !== undefined) return event;
    }
    return undefined;
  }

  /** Fetches pages until one yields an event or the read ends. */
  async #nextPage(): Promise<IteratorResult<T, undefined>> {
    const read = this.#read;
    if (read === undefined) return DONE;
    try {
      for (;;) {
        const page = await read.pages.next();
        if (page.done === true) {
          this.#done = true;
          return DONE;
        }
        this.#rows = page.value;
        this.#index = 0;
        const event = this.#nextOfPage();
        if (event !== undefined) return { done: false, value: event };
      }
    } catch (error) {
      return this.#fail(error);
    }
  }

  async #fail(error: unknown): Promise<never> {
    this.#done = true;
    await this.#read?.pages.return?.();
    throw error;
  }
}
