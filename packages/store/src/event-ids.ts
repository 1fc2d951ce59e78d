import { v5, v7 } from 'uuid';

/**
 * The UUIDv5 namespace of event ids derived from an idempotency key (docs/store.md). Fixed
 * forever: changing it would give a retried submission new ids.
 */
export const EVENT_ID_NAMESPACE = '7131abb3-68cf-4304-8794-43691aecb34e';

/** A new event id: a UUIDv7, time-ordered, so a database index grows at its end. */
export const newEventId = (): string => v7();

/**
 * The id of the `index`-th event (from 0) a command with `idempotencyKey` records in
 * `streamName`: the UUIDv5 of the JSON text `[streamName, idempotencyKey, index]` in
 * EVENT_ID_NAMESPACE. Any process resubmitting the command computes the same ids.
 */
export const submissionEventId = (
  streamName: string,
  idempotencyKey: string,
  index: number,
): string => v5(JSON.stringify([streamName, idempotencyKey, index]), EVENT_ID_NAMESPACE);
