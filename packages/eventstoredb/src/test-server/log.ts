/**
 * PROTOCOL TEST DOUBLE — not a database. The in-memory log behind the EventStoreDB gRPC test
 * server: streams with 0-based revisions, one global order with (commit, prepare) positions,
 * and the server's expected-revision and idempotent-write rules as EventStoreDB documents them.
 * Nothing is persisted; there is no clustering, no ACLs, no deletes, no links.
 */

/** An event as the double stores it; `created` is in 100-ns ticks since the Unix epoch. */
export interface StoredEvent {
  readonly streamName: string;
  readonly revision: bigint;
  /** Commit and prepare position: the double writes one record per event, so they are equal. */
  readonly position: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly created: bigint;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

/** An event proposed by an append request. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type ExpectedStreamState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no-stream' }
  | { readonly kind: 'stream-exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** A stream's last revision, or `'no-stream'`. */
export type CurrentStreamState = bigint | 'no-stream';

export type AppendOutcome =
  | {
      readonly kind: 'success';
      readonly current: CurrentStreamState;
      /** Position of the last event written (or matched, for an idempotent retry). */
      readonly position: bigint | undefined;
    }
  | {
      readonly kind: 'wrong-expected-version';
      readonly current: CurrentStreamState;
      readonly expected: ExpectedStreamState;
    };

export type EventListener = (event: StoredEvent) => void;

const TICKS_PER_MILLISECOND = 10_000n;
// Bytes a record takes besides its payload, so positions grow like transaction-log offsets.
const RECORD_OVERHEAD = 128n;

const sameIds = (stored: readonly StoredEvent[], proposed: readonly ProposedEvent[]): boolean =>
  stored.length === proposed.length && stored.every((event, i) => event.id === proposed[i]?.id);

export class ProtocolLog {
  private readonly streams = new Map<string, StoredEvent[]>();
  private all: StoredEvent[] = [];
  private nextPosition = 0n;
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly now: () => Date) {}

  currentState(streamName: string): CurrentStreamState {
    const stream = this.streams.get(streamName);
    const last = stream?.[stream.length - 1];
    return last === undefined ? 'no-stream' : last.revision;
  }

  append(
    streamName: string,
    expected: ExpectedStreamState,
    events: readonly ProposedEvent[],
  ): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = this.currentState(streamName);
    const retried = this.idempotentMatch(stream, expected, events);
    if (retried !== undefined) {
      return { kind: 'success', current: retried.revision, position: retried.position };
    }
    if (!this.meets(expected, current))
      return { kind: 'wrong-expected-version', current, expected };
    if (events.length === 0) return { kind: 'success', current, position: undefined };

    const created = BigInt(this.now().getTime()) * TICKS_PER_MILLISECOND;
    const written = events.map((event, i): StoredEvent => {
      const position = this.nextPosition;
      this.nextPosition +=
        RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length);
      return {
        streamName,
        revision: BigInt(stream.length + i),
        position,
        id: event.id,
        type: event.type,
        contentType: event.contentType,
        created,
        data: event.data,
        customMetadata: event.customMetadata,
      };
    });
    stream.push(...written);
    this.streams.set(streamName, stream);
    this.all.push(...written);
    for (const event of written) for (const listener of this.listeners) listener(event);
    const last = written[written.length - 1];
    return { kind: 'success', current: last?.revision ?? current, position: last?.position };
  }

  /** A stream's events, or undefined when the stream does not exist. */
  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamName);
  }

  /** Every event in global order. */
  events(): readonly StoredEvent[] {
    return this.all;
  }

  /** Calls `listener` with each event written from now on; returns the unsubscribe. */
  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Forgets every event; positions start again at 0. Listeners stay. */
  reset(): void {
    this.streams.clear();
    this.all = [];
    this.nextPosition = 0n;
  }

  private meets(expected: ExpectedStreamState, current: CurrentStreamState): boolean {
    switch (expected.kind) {
      case 'any':
        return true;
      case 'no-stream':
        return current === 'no-stream';
      case 'stream-exists':
        return current !== 'no-stream';
      case 'revision':
        return current === expected.revision;
    }
  }

  /**
   * EventStoreDB answers a retried write with success and writes nothing: with an expected
   * revision behind the stream's end (or no-stream on an existing stream), when the events
   * after it carry the same ids; with any / stream-exists, when the ids are found in the
   * stream in the same order (the server looks in a cache of recent events; the double
   * always finds them). Returns the last matched event.
   */
  private idempotentMatch(
    stream: readonly StoredEvent[],
    expected: ExpectedStreamState,
    events: readonly ProposedEvent[],
  ): StoredEvent | undefined {
    const first = events[0];
    if (first === undefined || stream.length === 0) return undefined;
    let start: number;
    switch (expected.kind) {
      case 'no-stream':
        start = 0;
        break;
      case 'revision':
        if (expected.revision >= BigInt(stream.length - 1)) return undefined;
        start = Number(expected.revision) + 1;
        break;
      case 'any':
      case 'stream-exists':
        start = stream.findIndex((event) => event.id === first.id);
        if (start < 0) return undefined;
        break;
    }
    const candidates = stream.slice(start, start + events.length);
    return sameIds(candidates, events) ? candidates[candidates.length - 1] : undefined;
  }
}
