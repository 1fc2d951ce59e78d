import type { RecordedEvent } from '@order-liability/store';

export const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const seen: RecordedEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
};

/** The rejection of a promise; a promise that resolves fails the test. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
};

/** The code of an error that has one (EventStoreError, PostgreSQLOptionsError, …). */
export const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;

/** Topic of an InformationRequested event, or the event's type. */
export const labelOf = (event: RecordedEvent): string =>
  event.type === 'InformationRequested' ? (event.data.topic ?? '') : event.type;
