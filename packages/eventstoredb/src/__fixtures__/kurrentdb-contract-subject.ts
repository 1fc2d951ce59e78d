import { jsonEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { ContractSubject } from '@order-liability/store/testing';
import { EventStoreDBEventStore } from '../event-store';
import { rawEventSubject } from './raw-event-subject';

/** A contract subject on the KurrentDB client: a new adapter on `connectionString`, raw writes through `rawClient`. */
export const kurrentDBSubject = (
  connectionString: string,
  rawClient: KurrentDBClient,
): ContractSubject =>
  rawEventSubject(
    new EventStoreDBEventStore(connectionString, { client: 'kurrentdb' }),
    (streamName, event) => rawClient.appendToStream(streamName, jsonEvent(event)),
  );
