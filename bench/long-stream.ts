// One order's stream of any length: parcels reported, recalled and returned, information asked
// and answered. For the fold's cost per event at 10 and at 10,000 events (linear, not more).
import type { Event } from '@order-liability/domain';

const orderId = 'long-1';

export const longStream = (length: number): Event[] => {
  const events: Event[] = [
    {
      type: 'StopRequested',
      data: {
        orderId,
        merchantId: 'merchant-1',
        purchaseKind: 'goods',
        currency: 'DKK',
        totalAmount: 1_000_000_000,
        totalTaxAmount: 200_000_000,
        requestedAt: '2026-03-02T09:00:00Z',
      },
    },
  ];
  for (let i = 0; events.length < length; i++) {
    const trackingNumber = `GLS-${i}`;
    events.push(
      {
        type: 'ShippedWithTracking',
        data: {
          orderId,
          carrier: 'GLS',
          trackingNumber,
          shippedAt: '2026-03-01T10:00:00Z',
          reportedAt: '2026-03-02T10:00:00Z',
          amount: 1000,
          taxAmount: 200,
        },
      },
      {
        type: 'RecallRequested',
        data: {
          orderId,
          trackingNumber,
          requestedBy: 'merchant',
          requestedAt: '2026-03-02T11:00:00Z',
        },
      },
      { type: 'InformationRequested', data: { orderId, requestedAt: '2026-03-03T09:00:00Z' } },
      { type: 'InformationProvided', data: { orderId, providedAt: '2026-03-04T09:00:00Z' } },
      {
        type: 'Returned',
        data: {
          orderId,
          trackingNumber,
          returnedAt: '2026-03-05T09:00:00Z',
          registeredIn: 'order-system',
        },
      },
    );
  }
  return events.slice(0, length);
};
