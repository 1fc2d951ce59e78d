// The stream the store benchmarks write and read (each adapter against its bare client, and ours
// against Emmett): one stop request, then information requests, the same events on every side.
import type { Event, EventOf } from '@order-liability/domain';

const stopRequested = (orderId: string): EventOf<'StopRequested'> => ({
  type: 'StopRequested',
  data: {
    orderId,
    merchantId: 'merchant-7',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
  },
});

/** The `n`th question of the order's stream. */
export const informationRequested = (
  orderId: string,
  n: number,
): EventOf<'InformationRequested'> => ({
  type: 'InformationRequested',
  data: { orderId, requestedAt: '2026-03-11T09:00:00Z', topic: `question ${n}` },
});

/** One order's stream of `length` events: a stop request, then questions. */
export const questionHistory = (orderId: string, length: number): Event[] =>
  Array.from({ length }, (_, n) =>
    n === 0 ? stopRequested(orderId) : informationRequested(orderId, n),
  );
