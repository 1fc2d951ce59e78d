import type { ExpectedRevision, Position } from '@order-liability/store';

/** A client the store accepts: `EventStoreDBClient` (6.x) or `KurrentDBClient` (1.x). */
export interface EventStoreClientLike {
  appendToStream(...args: never[]): Promise<unknown>;
  readStream(...args: never[]): unknown;
  readAll(...args: never[]): unknown;
  subscribeToAll(...args: never[]): unknown;
  dispose(): Promise<void>;
}

/** Which client a store runs on. */
export type ClientKind = 'eventstoredb' | 'kurrentdb';

/** An event as both clients read it (the fields the store uses). */
export interface ClientRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position | undefined;
}

/** One entry of a read: an event (absent for a link to a deleted one). */
export interface ClientResolvedEvent {
  readonly event?: ClientRecordedEvent | undefined;
  readonly commitPosition?: bigint | undefined;
}

/** A JSON event to append, the same shape for both clients. */
export interface ClientEventData {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: ClientJson;
  readonly metadata: ClientJson;
}

export type ClientJson = Record<string | number, unknown> | unknown[] | string;

/** A read in progress: its entries, and how to stop it early. */
export interface ClientRead {
  readonly entries: AsyncIterator<ClientResolvedEvent>;
  cancel(): Promise<void>;
}

export interface ClientReadStreamOptions {
  readonly fromRevision: bigint | 'start' | 'end';
  readonly direction: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

/** A live subscription to `$all`, as both clients give it (a Node.js readable). */
export interface ClientSubscription extends AsyncIterable<ClientResolvedEvent> {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'caughtUp', listener: () => void): unknown;
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
  destroy(error?: Error): unknown;
}

export interface ClientSubscribeOptions {
  readonly fromPosition: Position | 'start';
  readonly filter: { readonly prefixes: string[] } | { readonly regex: string };
}

/** What the store needs of a client, whichever it is. */
export interface StoreClient {
  readonly kind: ClientKind;
  append(
    streamName: string,
    events: ClientEventData[],
    expected: ExpectedRevision,
  ): Promise<{ readonly nextExpectedRevision: bigint; readonly position?: Position | undefined }>;
  readStream(streamName: string, options: ClientReadStreamOptions): ClientRead;
  readAll(fromPosition: Position | 'start'): ClientRead;
  subscribeToAll(options: ClientSubscribeOptions): ClientSubscription;
  dispose(): Promise<void>;
}

/** The port's expected revision in both clients' words (both count revisions from 0). */
export const clientExpectedRevision = (
  expected: ExpectedRevision,
): 'any' | 'no_stream' | 'stream_exists' | bigint => {
  switch (expected) {
    case 'no-stream':
      return 'no_stream';
    case 'stream-exists':
      return 'stream_exists';
    default:
      return expected;
  }
};
