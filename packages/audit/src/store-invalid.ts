import type { EventStoreError } from '@order-liability/store';
import type { InvalidEntry } from './report';

/** An event a store could not decode (its `onInvalidEvent` error) as a report entry. */
export const entryOfStoreError = (error: EventStoreError): InvalidEntry => ({
  ...(error.streamId === undefined ? {} : { streamId: error.streamId }),
  ...(error.revision === undefined ? {} : { revision: Number(error.revision) }),
  reason: error.message,
});
