// Arbitrary stored histories: sequences of individually valid events, including ones decide
// could never have produced (a second stop, parcels over the order, answers after the end).
import fc from 'fast-check';
import type { Event, EventOf } from '../events';

const orderId = '4711';
const time = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }))
  .map(([d, h]) => `2026-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`);
const money = fc.constantFrom(0, 1, 10000, 25000, 50000, 62500, 100000, 125000, 500000);
const trackingNumber = fc.constantFrom('T-1', 'T-2', 'T-3');

const stopRequested: fc.Arbitrary<EventOf<'StopRequested'>> = fc
  .record({
    total: money,
    taxShare: fc.integer({ min: 0, max: 100 }),
    purchaseKind: fc.constantFrom<'goods' | 'service'>('goods', 'service'),
    requestedAt: time,
  })
  .map(({ total, taxShare, purchaseKind, requestedAt }) => ({
    type: 'StopRequested',
    data: {
      orderId,
      merchantId: 'm-1',
      purchaseKind,
      currency: 'DKK',
      totalAmount: total,
      totalTaxAmount: Math.floor((total * taxShare) / 100),
      requestedAt,
    },
  }));

const parcelMoney = fc.option(
  fc.tuple(money, fc.integer({ min: 0, max: 100 })).map(([amount, share]) => ({
    amount,
    taxAmount: Math.floor((amount * share) / 100),
  })),
  { nil: undefined },
);

const shipped: fc.Arbitrary<Event> = fc
  .record({
    tracked: fc.boolean(),
    trackingNumber,
    carrier: fc.constantFrom('PostNord', 'GLS'),
    shippedAt: time,
    reportedAt: time,
    money: parcelMoney,
  })
  .map(({ tracked, trackingNumber: number, carrier, shippedAt, reportedAt, money: m }) =>
    tracked
      ? {
          type: 'ShippedWithTracking',
          data: { orderId, carrier, trackingNumber: number, shippedAt, reportedAt, ...m },
        }
      : { type: 'ShippedWithoutTracking', data: { orderId, shippedAt, reportedAt, ...m } },
  );

const other: fc.Arbitrary<Event> = fc.oneof(
  time.map((t): Event => ({ type: 'Disputed', data: { orderId, disputedAt: t } })),
  time.map((t): Event => ({
    type: 'OrderStopped',
    data: { orderId, stoppedAt: t, method: 'invoice-removed' },
  })),
  time.map((t): Event => ({
    type: 'ServiceCouldNotBeInterrupted',
    data: { orderId, reportedAt: t },
  })),
  fc
    .tuple(trackingNumber, time, fc.constantFrom<'klarna' | 'merchant'>('klarna', 'merchant'))
    .map(([number, t, by]): Event => ({
      type: 'RecallRequested',
      data: { orderId, trackingNumber: number, requestedBy: by, requestedAt: t },
    })),
  fc.tuple(fc.option(trackingNumber, { nil: undefined }), time).map(([number, t]): Event => ({
    type: 'Returned',
    data: {
      orderId,
      returnedAt: t,
      registeredIn: 'order-system',
      ...(number === undefined ? {} : { trackingNumber: number }),
    },
  })),
  time.map((t): Event => ({ type: 'InformationRequested', data: { orderId, requestedAt: t } })),
  time.map((t): Event => ({ type: 'InformationProvided', data: { orderId, providedAt: t } })),
  fc
    .tuple(time, fc.constantFrom<'fraud' | 'not-fraud'>('fraud', 'fraud', 'not-fraud'))
    .map(([t, outcome]): Event => ({
      type: 'InvestigationConcluded',
      data: { orderId, concludedAt: t, outcome },
    })),
);

const anyEvent: fc.Arbitrary<Event> = fc.oneof(
  { arbitrary: stopRequested, weight: 1 },
  { arbitrary: shipped, weight: 4 },
  { arbitrary: other, weight: 4 },
);
/** Up to 14 events of any kind, in any order. */
export const storedHistory = fc.array(anyEvent, { maxLength: 14 });
