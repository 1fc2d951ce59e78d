import { randomUUID } from 'node:crypto';
import type { ContractSubject, RawEventToWrite } from '@order-liability/store/testing';
import type { EventStoreDBEventStore } from '../event-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The data the clients' `jsonEvent` takes (the same type in 6.x and KurrentDB 1.x). */
export type RawJsonData = Record<string | number, unknown> | unknown[] | string;

/** An event as a raw client's `jsonEvent` takes it. */
export interface RawJsonEvent {
  readonly id: string;
  readonly type: string;
  readonly data: RawJsonData;
  readonly metadata: Record<string, unknown>;
}

/** Appends one event through a raw client, without the adapter's validation. */
export type RawAppend = (streamName: string, event: RawJsonEvent) => Promise<unknown>;

const isJsonData = (data: unknown): data is RawJsonData =>
  typeof data === 'string' || Array.isArray(data) || (typeof data === 'object' && data !== null);

// The event exactly as given (the contract suite plants invalid and older-schema events with
// it); its eventId is kept where the client can take it as the event's id.
const rawJsonEvent = (event: RawEventToWrite): RawJsonEvent => {
  if (!isJsonData(event.data)) {
    throw new TypeError('writeRaw over EventStoreDB stores JSON objects, arrays or texts as data.');
  }
  const eventId = event.metadata['eventId'];
  return {
    id: typeof eventId === 'string' && UUID.test(eventId) ? eventId : randomUUID(),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
};

/** A contract subject: `store` under test, raw writes through `append`. */
export const rawEventSubject = (
  store: EventStoreDBEventStore,
  append: RawAppend,
): ContractSubject => ({
  store,
  writeRaw: async (streamName, event) => {
    await append(streamName, rawJsonEvent(event));
  },
  dispose: () => store.close(),
});
