import { setTimeout as sleep } from 'node:timers/promises';
import { storeUnavailable } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../port';

/**
 * What happens to one append: it fails before reaching the store (`unavailable`), it is
 * stored but its reply is lost (`reply-lost`, as when a connection drops after the commit), or
 * it is delayed by `delayMs` and then goes through.
 */
export type AppendFault = 'unavailable' | 'reply-lost' | { readonly delayMs: number };

/** What happens to one read: the connection drops after `dropAfter` events, or it is slow. */
export type ReadFault = { readonly dropAfter: number } | { readonly delayMs: number };

/** Chooses a fault for each call, by its 1-based number among calls of its kind. */
export interface FaultSchedule {
  readonly append?: (call: number, streamName: string) => AppendFault | undefined;
  readonly read?: (call: number) => ReadFault | undefined;
}

/**
 * Wraps any store and injects faults at chosen points, to prove that callers lose nothing and
 * store nothing twice. Faults surface as STORE_UNAVAILABLE, as an adapter reports them.
 */
export class FaultInjectingEventStore implements EventStore {
  readonly #inner: EventStore;
  readonly #schedule: FaultSchedule;
  #appends = 0;
  #reads = 0;

  constructor(inner: EventStore, schedule: FaultSchedule) {
    this.#inner = inner;
    this.#schedule = schedule;
  }

  /** Calls made so far, faulty or not. */
  get calls(): { readonly appends: number; readonly reads: number } {
    return { appends: this.#appends, reads: this.#reads };
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.#appends += 1;
    const fault = this.#schedule.append?.(this.#appends, streamName);
    if (fault === 'unavailable') throw storeUnavailable('injected fault before the append');
    if (fault !== undefined && fault !== 'reply-lost') await sleep(fault.delayMs);
    const result = await this.#inner.appendToStream(streamName, events, options);
    if (fault === 'reply-lost')
      throw storeUnavailable('injected fault: the append landed, its reply was lost');
    return result;
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.#faulty(() => this.#inner.readStream(streamName, options));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.#faulty(() => this.#inner.readAll(options));
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  async *#faulty(read: () => AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
    this.#reads += 1;
    const fault = this.#schedule.read?.(this.#reads);
    if (fault !== undefined && 'delayMs' in fault) await sleep(fault.delayMs);
    let yielded = 0;
    for await (const event of read()) {
      if (fault !== undefined && 'dropAfter' in fault && yielded >= fault.dropAfter)
        throw storeUnavailable('injected fault: the connection dropped mid-read');
      yielded += 1;
      yield event;
    }
  }
}
