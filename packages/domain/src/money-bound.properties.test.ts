// Money is bounded by the order in every history (second pass, item 2): over arbitrary
// sequences of individually valid events, including ones decide could never have produced.
import fc from 'fast-check';
import { policy } from './__fixtures__/arbitraries';
import { assessLiability } from './assess';
import type { Event, EventOf } from './events';
import { fold } from './evolve';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);
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
const history = fc.array(anyEvent, { maxLength: 14 });

const sumOf = (events: Event[], kind: 'fraud-return' | 'fraud-policy', p: object) =>
  assessLiability(fold(events), p)
    .settlementLines.filter((l) => l.kind === kind)
    .reduce((n, l) => n + l.amount, 0);

describe('money bounded by the order in every history', () => {
  it('the return line never exceeds the gross; the policy line never exceeds the order or the covered parts excluding VAT', () => {
    fc.assert(
      fc.property(history, policy, (events, override) => {
        const stop = events.find((e) => e.type === 'StopRequested');
        const decision = assessLiability(fold(events), override);
        const coveredNet = decision.exposure
          .filter((p) => p.covered)
          .reduce((n, p) => n + p.gross - p.tax, 0);
        const gross = stop?.type === 'StopRequested' ? stop.data.totalAmount : 0;
        const net = stop?.type === 'StopRequested' ? gross - stop.data.totalTaxAmount : 0;
        const returned = -sumOf(events, 'fraud-return', override);
        const paid = sumOf(events, 'fraud-policy', override);
        expect([returned <= gross, paid <= net, paid <= coveredNet]).toEqual([true, true, true]);
      }),
      { numRuns },
    );
  });

  it('the same tracked parcel recorded twice pays once: a repeated shipment changes nothing', () => {
    fc.assert(
      fc.property(history, policy, fc.nat(), (events, override, at) => {
        const shipments = events.filter((e) => e.type === 'ShippedWithTracking');
        fc.pre(shipments.length > 0);
        const repeated = shipments[at % shipments.length];
        if (repeated === undefined) return;
        const index = events.indexOf(repeated);
        const twice = [...events.slice(0, index + 1), repeated, ...events.slice(index + 1)];
        const once = assessLiability(fold(events), override);
        const again = assessLiability(fold(twice), override);
        expect([again.liability, again.settlementLines, again.exposure]).toEqual([
          once.liability,
          once.settlementLines,
          once.exposure,
        ]);
      }),
      { numRuns },
    );
  });
});
