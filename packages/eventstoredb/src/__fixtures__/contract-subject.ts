import { jsonEvent, type EventStoreDBClient } from '@eventstore/db-client';
import type { ContractSubject } from '@order-liability/store/testing';
import { EventStoreDBEventStore } from '../event-store';
import { rawEventSubject } from './raw-event-subject';

/** A contract subject: a new adapter on `connectionString`, raw writes through `rawClient`. */
export const eventStoreDBSubject = (
  connectionString: string,
  rawClient: EventStoreDBClient,
): ContractSubject =>
  rawEventSubject(new EventStoreDBEventStore(connectionString), (streamName, event) =>
    rawClient.appendToStream(streamName, jsonEvent(event)),
  );
