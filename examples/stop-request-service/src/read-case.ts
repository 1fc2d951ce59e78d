import { fold, isStorableText, type OrderState } from '@order-liability/domain';
import {
  type EventStore,
  isEventStoreError,
  orderStreamName,
  type RecordedEvent,
} from '@order-liability/store';

export interface CaseRead {
  readonly events: readonly RecordedEvent[];
  readonly state: OrderState;
}

/** A case read straight from its stream (read-your-writes); undefined when it has no events. */
export const readCase = async (
  store: EventStore,
  orderId: string,
): Promise<CaseRead | undefined> => {
  // An id no case can have (a NUL, a lone surrogate) names no stream.
  if (!isStorableText(orderId)) return undefined;
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(orderStreamName(orderId))) events.push(event);
  } catch (error) {
    if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return undefined;
    throw error;
  }
  if (events.length === 0) return undefined;
  return { events, state: fold(events) };
};
