import {
  concluded,
  disputed,
  informationProvided,
  informationRequested,
  invoiceOverdue,
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
import type { Event, SettlementLine } from './events';
import { fold } from './evolve';
import type { PolicyOverride } from './policy';
import { initialState } from './state';
import { toMerchantView } from './merchant-view';

// The decision without its next steps (those are specified in faq.test.ts).
const decisionOf = (events: Event[], policy?: PolicyOverride) => {
  const { liability, status, settlementLines, reasons } = assessLiability(fold(events), policy);
  return { liability, status, settlementLines, reasons };
};

const fraudReturn = (amount: number): SettlementLine => ({
  kind: 'fraud-return',
  label: 'Returnering (bedrageri)',
  amount,
  currency: 'DKK',
});
const fraudPolicy = (amount: number): SettlementLine => ({
  kind: 'fraud-policy',
  label: 'Bedrageripolicy',
  amount,
  currency: 'DKK',
});

describe('before any event', () => {
  it('is undetermined and awaiting an answer, with no order id', () => {
    expect(assessLiability(initialState)).toEqual({
      orderId: '',
      liability: 'undetermined',
      status: 'awaiting-merchant-response',
      settlementLines: [],
      exposure: [],
      reasons: [],
      nextSteps: [],
    });
  });
});

describe('SR-2 / A-2: no answer from the merchant', () => {
  it('is undetermined while the investigation is open', () => {
    expect(decisionOf([stopRequested(), disputed()])).toEqual({
      liability: 'undetermined',
      status: 'under-investigation',
      settlementLines: [],
      reasons: ['SR-2', 'SR-7'],
    });
  });

  it('after a fraud conclusion exposes the whole order to the merchant (A-2)', () => {
    expect(decisionOf([stopRequested(), disputed(), concluded()])).toEqual({
      liability: 'merchant',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-125000)],
      reasons: ['SR-2', 'A-2', 'SR-10', 'SR-7', 'SR-9'],
    });
  });

  it('with requireFormResponse false, the unanswered order counts as met', () => {
    expect(decisionOf([stopRequested(), concluded()], { requireFormResponse: false })).toEqual({
      liability: 'klarna',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-125000), fraudPolicy(100000)],
      reasons: ['SR-2', 'A-2', 'SR-10', 'SR-9'],
    });
  });
});

describe('SR-3 / SR-4: stopped in time', () => {
  it('goods stopped: liability none, no lines', () => {
    expect(decisionOf([stopRequested(), orderStopped()])).toEqual({
      liability: 'none',
      status: 'stopped',
      settlementLines: [],
      reasons: ['SR-3'],
    });
  });

  it('an interruptible service stopped: liability none (SR-4)', () => {
    expect(decisionOf([stopRequested({ purchaseKind: 'service' }), orderStopped()])).toEqual({
      liability: 'none',
      status: 'stopped',
      settlementLines: [],
      reasons: ['SR-4'],
    });
  });
});

describe('SR-4 / A-1: a service that cannot be interrupted', () => {
  const service = [stopRequested({ purchaseKind: 'service' }), serviceNotInterruptible()];

  it('awaits a dispute, covered by Klarna', () => {
    expect(decisionOf(service)).toEqual({
      liability: 'klarna',
      status: 'awaiting-dispute',
      settlementLines: [],
      reasons: ['SR-4', 'A-1', 'SR-10'],
    });
  });

  it('after a fraud conclusion pays out the amount excluding VAT', () => {
    expect(decisionOf([...service, disputed(), concluded()])).toEqual({
      liability: 'klarna',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-125000), fraudPolicy(100000)],
      reasons: ['SR-4', 'A-1', 'SR-10', 'SR-7', 'SR-9'],
    });
  });

  it('with nonInterruptibleServiceCovered false, is the merchant’s', () => {
    expect(decisionOf(service, { nonInterruptibleServiceCovered: false })).toEqual({
      liability: 'merchant',
      status: 'awaiting-dispute',
      settlementLines: [],
      reasons: ['SR-4', 'A-1', 'SR-10'],
    });
  });

  it('reported after the deadline, is the merchant’s (A-6)', () => {
    expect(
      decisionOf([
        stopRequested({ purchaseKind: 'service' }),
        serviceNotInterruptible({ reportedAt: '2026-03-03T09:00:00.001Z' }),
      ]),
    ).toEqual({
      liability: 'merchant',
      status: 'awaiting-dispute',
      settlementLines: [],
      reasons: ['SR-4', 'A-1', 'A-6', 'SR-10'],
    });
  });
});

describe('SR-5 / SR-6: shipped', () => {
  it('with tracking and a recallable carrier, is Klarna’s', () => {
    expect(decisionOf([stopRequested(), shippedWithTracking(), recallRequested()])).toEqual({
      liability: 'klarna',
      status: 'shipped',
      settlementLines: [],
      reasons: ['SR-5', 'SR-10'],
    });
  });

  it('with another carrier and no recall duty (A-4 off), is Klarna’s', () => {
    expect(decisionOf([stopRequested(), shippedWithTracking({ carrier: 'GLS' })])).toEqual({
      liability: 'klarna',
      status: 'shipped',
      settlementLines: [],
      reasons: ['SR-5', 'SR-10'],
    });
  });

  it('without tracking, liability leaves Klarna at once (SR-6)', () => {
    expect(decisionOf([stopRequested(), shippedWithoutTracking()])).toEqual({
      liability: 'merchant',
      status: 'shipped',
      settlementLines: [],
      reasons: ['SR-6', 'SR-10'],
    });
  });

  it('without tracking and confirmed fraud, only the return line appears (SR-9)', () => {
    expect(
      decisionOf([
        stopRequested(),
        shippedWithoutTracking(),
        invoiceOverdue(),
        concluded({ concludedAt: '2026-04-20T08:00:00Z' }),
      ]),
    ).toEqual({
      liability: 'merchant',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-125000)],
      reasons: ['SR-6', 'SR-10', 'SR-12', 'SR-9'],
    });
  });
});

describe('A-3: shipped after the stop request', () => {
  it('one millisecond after requestedAt is a breach', () => {
    expect(
      decisionOf([stopRequested(), shippedWithTracking({ shippedAt: '2026-03-02T09:00:00.001Z' })]),
    ).toEqual({
      liability: 'merchant',
      status: 'shipped',
      settlementLines: [],
      reasons: ['SR-5', 'A-3', 'SR-10'],
    });
  });

  it('exactly at requestedAt is not after it', () => {
    expect(
      decisionOf([stopRequested(), shippedWithTracking({ shippedAt: '2026-03-02T09:00:00Z' })])
        .liability,
    ).toBe('klarna');
  });

  it('with shippedAfterStopRequestIsBreach false, is not a breach', () => {
    expect(
      decisionOf([stopRequested(), shippedWithTracking({ shippedAt: '2026-03-02T10:00:00Z' })], {
        shippedAfterStopRequestIsBreach: false,
      }).liability,
    ).toBe('klarna');
  });
});

describe('A-4: recall duty for other carriers', () => {
  const gls = shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-7' });

  it('when required and not done, the parcel is the merchant’s', () => {
    expect(
      decisionOf([stopRequested(), gls], { requireMerchantRecallForOtherCarriers: true }),
    ).toEqual({
      liability: 'merchant',
      status: 'shipped',
      settlementLines: [],
      reasons: ['SR-5', 'A-4', 'SR-10'],
    });
  });

  it('when required and done by the merchant, the parcel is Klarna’s', () => {
    const recall = recallRequested({ trackingNumber: 'GLS-7', requestedBy: 'merchant' });
    expect(
      decisionOf([stopRequested(), gls, recall], { requireMerchantRecallForOtherCarriers: true })
        .liability,
    ).toBe('klarna');
  });

  it('a recallable carrier needs no merchant recall', () => {
    expect(
      decisionOf([stopRequested(), shippedWithTracking()], {
        requireMerchantRecallForOtherCarriers: true,
      }).liability,
    ).toBe('klarna');
  });
});

describe('A-5: recallable carriers are configurable', () => {
  it('a carrier added to the list counts as recallable', () => {
    const gls = shippedWithTracking({ carrier: ' gls ', trackingNumber: 'GLS-7' });
    expect(
      decisionOf([stopRequested(), gls], {
        requireMerchantRecallForOtherCarriers: true,
        recallableCarriers: ['GLS'],
      }).liability,
    ).toBe('klarna');
  });
});

describe('A-6: the response deadline', () => {
  it('an answer exactly 24 hours after the request is in time', () => {
    expect(
      decisionOf([stopRequested(), shippedWithTracking({ reportedAt: '2026-03-03T09:00:00Z' })])
        .liability,
    ).toBe('klarna');
  });

  it('one millisecond later is late', () => {
    expect(
      decisionOf([
        stopRequested(),
        shippedWithTracking({ reportedAt: '2026-03-03T09:00:00.001Z' }),
      ]),
    ).toEqual({
      liability: 'merchant',
      status: 'shipped',
      settlementLines: [],
      reasons: ['SR-5', 'A-6', 'SR-10'],
    });
  });

  it('null switches the check off', () => {
    expect(
      decisionOf([stopRequested(), shippedWithTracking({ reportedAt: '2026-05-01T00:00:00Z' })], {
        responseDeadlineHours: null,
      }).liability,
    ).toBe('klarna');
  });
});

describe('A-7: the information deadline', () => {
  const base = [stopRequested(), shippedWithTracking(), disputed(), informationRequested()];

  it('information never given, concluded after the 7-day deadline: not met', () => {
    expect(decisionOf([...base, concluded({ concludedAt: '2026-03-28T08:00:00.001Z' })])).toEqual({
      liability: 'merchant',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-125000)],
      reasons: ['SR-5', 'A-7', 'SR-10', 'SR-7', 'SR-9'],
    });
  });

  it('concluded exactly at the deadline: still met', () => {
    expect(
      decisionOf([...base, concluded({ concludedAt: '2026-03-28T08:00:00Z' })]).liability,
    ).toBe('klarna');
  });

  it('information given exactly at the deadline: met', () => {
    expect(
      decisionOf([
        ...base,
        informationProvided({ providedAt: '2026-03-28T08:00:00Z' }),
        concluded({ concludedAt: '2026-04-10T08:00:00Z' }),
      ]).liability,
    ).toBe('klarna');
  });

  it('information given one millisecond late, concluded later: not met', () => {
    expect(
      decisionOf([
        ...base,
        informationProvided({ providedAt: '2026-03-28T08:00:00.001Z' }),
        concluded({ concludedAt: '2026-04-10T08:00:00Z' }),
      ]).liability,
    ).toBe('merchant');
  });

  it('null switches the check off', () => {
    expect(
      decisionOf([...base, concluded({ concludedAt: '2026-04-10T08:00:00Z' })], {
        informationDeadlineDays: null,
      }).liability,
    ).toBe('klarna');
  });

  it('applies to a non-interruptible service too', () => {
    expect(
      decisionOf([
        stopRequested({ purchaseKind: 'service' }),
        serviceNotInterruptible(),
        disputed(),
        informationRequested(),
        concluded({ concludedAt: '2026-04-10T08:00:00Z' }),
      ]).liability,
    ).toBe('merchant');
  });
});

describe('multi-parcel orders (SR-8, SR-9, SR-10)', () => {
  // 1.250,00 DKK: PN-1 750,00 (VAT 150,00) tracked with PostNord; #2 500,00 (VAT 100,00) untracked.
  const split = [
    stopRequested(),
    shippedWithTracking({ trackingNumber: 'PN-1', amount: 75000, taxAmount: 15000 }),
    recallRequested({ trackingNumber: 'PN-1' }),
    shippedWithoutTracking({ carrier: 'GLS', amount: 50000, taxAmount: 10000 }),
  ];

  it('one covered and one breached parcel is split', () => {
    expect(decisionOf(split)).toEqual({
      liability: 'split',
      status: 'shipped',
      settlementLines: [],
      reasons: ['SR-5', 'SR-6', 'SR-10'],
    });
  });

  it('on fraud: return line first (all exposed gross), then policy line (covered net)', () => {
    expect(decisionOf([...split, disputed(), concluded()])).toEqual({
      liability: 'split',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-125000), fraudPolicy(60000)],
      reasons: ['SR-5', 'SR-6', 'SR-10', 'SR-7', 'SR-9'],
    });
  });

  it('when the untracked parcel comes back, only the covered parcel is exposed', () => {
    expect(
      decisionOf([...split, returned({ trackingNumber: '#2' }), disputed(), concluded()]),
    ).toEqual({
      liability: 'klarna',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-75000), fraudPolicy(60000)],
      reasons: ['SR-5', 'SR-8', 'SR-10', 'SR-7', 'SR-9'],
    });
  });

  it('a partial shipment exposes only what was shipped', () => {
    expect(
      decisionOf([
        stopRequested(),
        shippedWithTracking({ amount: 40000, taxAmount: 8000 }),
        concluded(),
      ]).settlementLines,
    ).toEqual([fraudReturn(-40000), fraudPolicy(32000)]);
  });

  it('every parcel back: liability none, status returned', () => {
    expect(decisionOf([...split, returned()])).toEqual({
      liability: 'none',
      status: 'returned',
      settlementLines: [],
      reasons: ['SR-5', 'SR-8'],
    });
  });

  it('every parcel back and fraud confirmed: no zero-amount line', () => {
    expect(decisionOf([...split, returned(), concluded()]).settlementLines).toEqual([]);
  });
});

describe('SR-11 / SR-12: investigations', () => {
  it('not fraud closes the case: liability none, no lines', () => {
    expect(
      decisionOf([
        stopRequested(),
        shippedWithTracking(),
        disputed(),
        concluded({ outcome: 'not-fraud' }),
      ]),
    ).toEqual({
      liability: 'none',
      status: 'resolved-not-fraud',
      settlementLines: [],
      reasons: ['SR-11', 'SR-7'],
    });
  });

  it('an overdue invoice opens an investigation like a dispute', () => {
    expect(decisionOf([stopRequested(), shippedWithTracking(), invoiceOverdue()])).toEqual({
      liability: 'klarna',
      status: 'under-investigation',
      settlementLines: [],
      reasons: ['SR-5', 'SR-10', 'SR-12'],
    });
  });
});

describe('settled', () => {
  it('is settled once a SettlementBooked exists, with the recomputed lines', () => {
    expect(
      decisionOf([stopRequested(), shippedWithTracking(), concluded(), settlementBooked()]),
    ).toEqual({
      liability: 'klarna',
      status: 'settled',
      settlementLines: [fraudReturn(-125000), fraudPolicy(100000)],
      reasons: ['SR-5', 'SR-10', 'SR-9'],
    });
  });
});

describe('currencies with other minor units', () => {
  it('keeps the case currency on every line', () => {
    const lines = assessLiability(
      fold([
        stopRequested({ currency: 'SEK', totalAmount: 99900, totalTaxAmount: 19980 }),
        shippedWithTracking(),
        concluded(),
      ]),
    ).settlementLines;
    expect(lines).toEqual([
      { kind: 'fraud-return', label: 'Returnering (bedrageri)', amount: -99900, currency: 'SEK' },
      { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 79920, currency: 'SEK' },
    ]);
  });
});

describe('exposure per parcel: what a reconciliation reads', () => {
  it('a split order lists each part with its amounts, cover and the rules that decided it', () => {
    const state = fold([
      stopRequested(),
      shippedWithTracking({ trackingNumber: 'PN-1', amount: 75000, taxAmount: 15000 }),
      shippedWithoutTracking({ carrier: 'GLS', amount: 50000, taxAmount: 10000 }),
      concluded(),
    ]);
    expect(assessLiability(state).exposure).toEqual([
      {
        key: 'PN-1',
        gross: 75000,
        tax: 15000,
        currency: 'DKK',
        covered: true,
        rules: ['SR-5', 'SR-10'],
      },
      { key: '#2', gross: 50000, tax: 10000, currency: 'DKK', covered: false, rules: ['SR-6'] },
    ]);
  });

  it('the whole order is one part keyed `order` when nothing was answered', () => {
    expect(assessLiability(fold([stopRequested(), concluded()])).exposure).toEqual([
      { key: 'order', gross: 125000, tax: 25000, currency: 'DKK', covered: false, rules: ['A-2'] },
    ]);
  });
});

describe('a stored ShippedWithoutTracking on a service order is the non-interruptible answer (A-1)', () => {
  const service = stopRequested({ purchaseKind: 'service' });

  it('awaits a dispute, then is covered by Klarna once fraud is confirmed', () => {
    expect([
      decisionOf([service, shippedWithoutTracking()]).status,
      decisionOf([service, shippedWithoutTracking(), disputed(), concluded()]),
    ]).toEqual([
      'awaiting-dispute',
      {
        liability: 'klarna',
        status: 'resolved-fraud',
        settlementLines: [fraudReturn(-125000), fraudPolicy(100000)],
        reasons: ['SR-4', 'A-1', 'SR-10', 'SR-7', 'SR-9'],
      },
    ]);
  });
});

describe('an open information request is the merchant’s next step before the conclusion (A-7)', () => {
  const informationStep = {
    actor: 'merchant',
    action:
      'Send Klarna the information requested by 2026-03-28T08:00:00.000Z, answering the e-mail',
    rule: 'A-7',
  };

  it.each([
    ['shipped', [stopRequested(), shippedWithTracking(), informationRequested()]],
    ['awaiting-merchant-response', [stopRequested(), informationRequested()]],
    [
      'awaiting-dispute',
      [
        stopRequested({ purchaseKind: 'service' }),
        serviceNotInterruptible(),
        informationRequested(),
      ],
    ],
  ])('while %s, and in the merchant view', (status, events) => {
    const state = fold(events);
    const decision = assessLiability(state);
    expect([
      decision.status,
      decision.nextSteps.filter((s) => s.rule === 'A-7'),
      toMerchantView(state).nextSteps.filter((s) => s.rule === 'A-7'),
    ]).toEqual([status, [informationStep], [informationStep]]);
  });

  it('not once the investigation concluded', () => {
    const decision = assessLiability(
      fold([stopRequested(), shippedWithTracking(), informationRequested(), concluded()]),
    );
    expect(decision.nextSteps.filter((s) => s.rule === 'A-7')).toEqual([]);
  });
});

describe('answers after the conclusion and recalls in any order', () => {
  it('an answer reported after the investigation concluded is no answer before it (A-2)', () => {
    expect(
      decisionOf(
        [stopRequested(), shippedWithTracking({ reportedAt: '2026-04-02T08:00:00Z' }), concluded()],
        { responseDeadlineHours: null },
      ),
    ).toEqual({
      liability: 'merchant',
      status: 'resolved-fraud',
      settlementLines: [fraudReturn(-125000)],
      reasons: ['SR-5', 'A-2', 'SR-10', 'SR-9'],
    });
  });

  it('the earliest merchant recall counts, whatever order the history recorded them in (A-4)', () => {
    const parcel = { carrier: 'GLS', trackingNumber: 'GLS-1' };
    expect(
      decisionOf(
        [
          stopRequested(),
          shippedWithTracking(parcel),
          recallRequested({
            ...parcel,
            requestedBy: 'merchant',
            requestedAt: '2026-04-05T08:00:00Z',
          }),
          recallRequested({
            ...parcel,
            requestedBy: 'merchant',
            requestedAt: '2026-03-03T08:00:00Z',
          }),
          concluded(),
        ],
        { requireMerchantRecallForOtherCarriers: true },
      ).liability,
    ).toBe('klarna');
  });
});
