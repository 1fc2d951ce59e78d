import { randomUUID } from 'node:crypto';
import { jsonEvent, type KurrentDBClient, type JSONType } from '@kurrent/kurrentdb-client';
import type { ContractSubject, RawEventToWrite } from '@order-liability/store/testing';
import { EventStoreDBEventStore } from '../event-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isJsonData = (data: unknown): data is JSONType =>
  typeof data === 'string' || Array.isArray(data) || (typeof data === 'object' && data !== null);

/** Writes an event through the raw KurrentDB client exactly as given (see contract-subject.ts). */
const writeRawEvent = async (
  client: KurrentDBClient,
  streamName: string,
  event: RawEventToWrite,
): Promise<void> => {
  if (!isJsonData(event.data)) {
    throw new TypeError('writeRaw over KurrentDB stores JSON objects, arrays or texts as data.');
  }
  const eventId = event.metadata['eventId'];
  await client.appendToStream(
    streamName,
    jsonEvent({
      id: typeof eventId === 'string' && UUID.test(eventId) ? eventId : randomUUID(),
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    }),
  );
};

/** A contract subject on the new client: a new adapter on `connectionString`, raw writes through `rawClient`. */
export const kurrentDBSubject = (
  connectionString: string,
  rawClient: KurrentDBClient,
): ContractSubject => {
  const store = new EventStoreDBEventStore(connectionString, { client: 'kurrentdb' });
  return {
    store,
    writeRaw: (streamName, event) => writeRawEvent(rawClient, streamName, event),
    dispose: () => store.close(),
  };
};
