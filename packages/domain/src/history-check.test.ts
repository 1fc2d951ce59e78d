// Stored histories that decide could never have produced: fold skips the events decide would
// have refused there, checkHistory lists them, and money stays bounded by the order.
import {
  concluded,
  disputed,
  informationProvided,
  informationRequested,
  orderStopped,
  recallRequested,
  returned,
  serviceNotInterruptible,
  settlementBooked,
  shippedWithoutTracking,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import { assessLiability } from './assess';
import { checkHistory } from './check-history';
import type { Event } from './events';
import { fold } from './evolve';

const linesOf = (events: Event[]) =>
  assessLiability(fold(events)).settlementLines.map((line) => line.amount);
const codesOf = (events: Event[]) =>
  checkHistory(events).map(({ index, type, code }) => ({ index, type, code }));

describe('fold skips what decide would have refused (money bounded by the order)', () => {
  it('the same ShippedWithTracking twice pays once: -125,000 / +100,000', () => {
    const events = [stopRequested(), shippedWithTracking(), shippedWithTracking(), concluded()];
    expect([linesOf(events), codesOf(events)]).toEqual([
      [-125000, 100000],
      [{ index: 2, type: 'ShippedWithTracking', code: 'SHIPMENT_AMOUNT_REQUIRED' }],
    ]);
  });

  it('the same parcel with amounts twice pays once and is INVALID_COMMAND (repeated tracking number)', () => {
    const parcel = shippedWithTracking({ amount: 62500, taxAmount: 12500 });
    const events = [stopRequested(), parcel, parcel, concluded()];
    expect([linesOf(events), codesOf(events)]).toEqual([
      [-62500, 50000],
      [{ index: 2, type: 'ShippedWithTracking', code: 'INVALID_COMMAND' }],
    ]);
  });

  it('a second StopRequested with a larger total does not replace the order', () => {
    const events = [
      stopRequested(),
      stopRequested({ totalAmount: 500000, totalTaxAmount: 100000 }),
      shippedWithTracking(),
      concluded(),
    ];
    expect([linesOf(events), codesOf(events)]).toEqual([
      [-125000, 100000],
      [{ index: 1, type: 'StopRequested', code: 'STOP_ALREADY_REQUESTED' }],
    ]);
  });

  it('parcels without VAT over the order excluding VAT: the second is INVALID_AMOUNT', () => {
    const events = [
      stopRequested(),
      shippedWithTracking({ trackingNumber: 'PN-1', amount: 62500, taxAmount: 0 }),
      shippedWithTracking({ trackingNumber: 'PN-2', amount: 62500, taxAmount: 0 }),
      concluded(),
    ];
    expect([linesOf(events), codesOf(events)]).toEqual([
      [-62500, 62500],
      [{ index: 2, type: 'ShippedWithTracking', code: 'INVALID_AMOUNT' }],
    ]);
  });

  it('parcels over the gross: the one that does not fit is INVALID_AMOUNT', () => {
    const events = [
      stopRequested(),
      shippedWithTracking({ trackingNumber: 'PN-1', amount: 100000, taxAmount: 20000 }),
      shippedWithoutTracking({ amount: 50000, taxAmount: 10000 }),
      concluded(),
    ];
    expect([linesOf(events), codesOf(events)]).toEqual([
      [-100000, 80000],
      [{ index: 2, type: 'ShippedWithoutTracking', code: 'INVALID_AMOUNT' }],
    ]);
  });

  it('a whole-order shipment beside a parcel, and a parcel after a whole-order one, are SHIPMENT_AMOUNT_REQUIRED', () => {
    const afterParcel = [
      stopRequested(),
      shippedWithTracking({ trackingNumber: 'PN-1', amount: 50000, taxAmount: 10000 }),
      shippedWithTracking({ trackingNumber: 'PN-2' }),
    ];
    const afterWhole = [
      stopRequested(),
      shippedWithTracking({ trackingNumber: 'PN-1' }),
      shippedWithTracking({ trackingNumber: 'PN-2', amount: 50000, taxAmount: 10000 }),
    ];
    expect([codesOf(afterParcel), codesOf(afterWhole)]).toEqual([
      [{ index: 2, type: 'ShippedWithTracking', code: 'SHIPMENT_AMOUNT_REQUIRED' }],
      [{ index: 2, type: 'ShippedWithTracking', code: 'SHIPMENT_AMOUNT_REQUIRED' }],
    ]);
  });

  it('a shipment after a confirmed stop is ORDER_STOPPED and the case stays stopped with nothing exposed', () => {
    const events = [stopRequested(), orderStopped(), shippedWithTracking(), concluded()];
    const decision = assessLiability(fold(events));
    expect([decision.liability, decision.settlementLines, codesOf(events)]).toEqual([
      'none',
      [],
      [{ index: 2, type: 'ShippedWithTracking', code: 'ORDER_STOPPED' }],
    ]);
  });

  it('a RecallRequested and an InformationProvided placed after the conclusion are ALREADY_CONCLUDED and change no cover', () => {
    const policy = { requireMerchantRecallForOtherCarriers: true };
    const events = [
      stopRequested(),
      shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-1' }),
      informationRequested(),
      concluded({ concludedAt: '2026-04-01T08:00:00Z' }),
      recallRequested({
        trackingNumber: 'GLS-1',
        requestedBy: 'merchant',
        requestedAt: '2026-03-02T13:00:00Z',
      }),
      informationProvided({ providedAt: '2026-03-22T08:00:00Z' }),
    ];
    const decision = assessLiability(fold(events), policy);
    expect([decision.liability, decision.settlementLines.map((l) => l.amount)]).toEqual([
      'merchant',
      [-125000],
    ]);
    expect(codesOf(events)).toEqual([
      { index: 4, type: 'RecallRequested', code: 'ALREADY_CONCLUDED' },
      { index: 5, type: 'InformationProvided', code: 'ALREADY_CONCLUDED' },
    ]);
  });

  it('a merchant recall dated after the conclusion (placed before it) changes no cover under A-4', () => {
    const events = [
      stopRequested(),
      shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-1' }),
      recallRequested({
        trackingNumber: 'GLS-1',
        requestedBy: 'merchant',
        requestedAt: '2026-04-02T08:00:00Z',
      }),
      concluded({ concludedAt: '2026-04-01T08:00:00Z' }),
    ];
    const decision = assessLiability(fold(events), { requireMerchantRecallForOtherCarriers: true });
    expect([decision.liability, decision.reasons, checkHistory(events)]).toEqual([
      'merchant',
      ['SR-5', 'A-4', 'SR-10', 'SR-9'],
      [],
    ]);
  });

  it('bookings are always applied: a second booking and one without a conclusion are no history problems', () => {
    expect([
      codesOf([stopRequested(), shippedWithTracking(), settlementBooked()]),
      codesOf([
        stopRequested(),
        shippedWithTracking(),
        concluded(),
        settlementBooked(),
        settlementBooked(),
      ]),
    ]).toEqual([[], []]);
  });

  it('a consistent history, every kind of event in it, has no problems', () => {
    expect(
      checkHistory([
        stopRequested(),
        shippedWithTracking({ amount: 75000, taxAmount: 15000 }),
        recallRequested(),
        shippedWithoutTracking({ carrier: 'GLS', amount: 50000, taxAmount: 10000 }),
        returned({ trackingNumber: '#2' }),
        disputed(),
        informationRequested(),
        informationProvided(),
        concluded(),
        settlementBooked(),
      ]),
    ).toEqual([]);
  });

  it('gives the refusal decide gives, with its message', () => {
    expect(checkHistory([stopRequested(), serviceNotInterruptible(), stopRequested()])).toEqual([
      {
        index: 2,
        type: 'StopRequested',
        code: 'STOP_ALREADY_REQUESTED',
        message:
          "A stop was already requested for order 4711 at 2026-03-02T09:00:00Z. Send the merchant's answer instead.",
      },
    ]);
  });
});

describe('parcels recorded before the stop request are held to the order too', () => {
  it('once the order is known, a parcel over it is taken out and listed at its own index', () => {
    const events = [
      shippedWithTracking({ trackingNumber: 'PN-1', amount: 100000, taxAmount: 20000 }),
      shippedWithTracking({ trackingNumber: 'PN-2', amount: 100000, taxAmount: 20000 }),
      stopRequested(),
      concluded(),
    ];
    expect([linesOf(events), codesOf(events)]).toEqual([
      [-100000, 80000],
      [{ index: 1, type: 'ShippedWithTracking', code: 'INVALID_AMOUNT' }],
    ]);
  });

  it('a single parcel over the order leaves the order unanswered: the merchant’s (A-2), whatever the event order', () => {
    const parcel = shippedWithTracking({ carrier: 'GLS', amount: 500000, taxAmount: 100000 });
    const before = [parcel, stopRequested(), concluded()];
    const after = [stopRequested(), parcel, concluded()];
    const decisionOf = (events: Event[]) => {
      const { liability, settlementLines, reasons } = assessLiability(fold(events));
      return { liability, lines: settlementLines.map((l) => l.amount), reasons };
    };
    expect([decisionOf(before), codesOf(before), codesOf(after)]).toEqual([
      { liability: 'merchant', lines: [-125000], reasons: ['SR-2', 'A-2', 'SR-10', 'SR-9'] },
      [{ index: 0, type: 'ShippedWithTracking', code: 'INVALID_AMOUNT' }],
      [{ index: 1, type: 'ShippedWithTracking', code: 'INVALID_AMOUNT' }],
    ]);
    expect(decisionOf(after)).toEqual(decisionOf(before));
  });
});
