// Once a settlement is booked, the decision is the booking's (second pass, item 4), and what
// happens after it (a return, item 11) asks for a correction instead of changing it.
import {
  concluded,
  informationRequested,
  legacySettlementBooked,
  returned,
  settlementBooked,
  shippedWithoutTracking,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import { assessLiability, recomputeDecision } from './assess';
import type { Event, SettlementLine } from './events';
import { fold } from './evolve';
import { toMerchantView } from './merchant-view';

const late = { reportedAt: '2026-03-03T12:00:00Z' };
const bookedCovered: Event[] = [
  stopRequested(),
  shippedWithTracking(late),
  concluded(),
  settlementBooked(),
];

describe('a settled decision is the booking', () => {
  it('booked under the defaults, assessed with responseDeadlineHours 4: still klarna, both booked lines, next step citing them', () => {
    const decision = assessLiability(fold(bookedCovered), { responseDeadlineHours: 4 });
    expect({
      liability: decision.liability,
      status: decision.status,
      lines: decision.settlementLines.map((l) => l.amount),
      nextSteps: decision.nextSteps,
    }).toEqual({
      liability: 'klarna',
      status: 'settled',
      lines: [-125000, 100000],
      nextSteps: [
        {
          actor: 'merchant',
          action:
            'Find "Returnering (bedrageri)" -1.250,00 DKK, then "Bedrageripolicy" 1.000,00 DKK on the sales note',
          rule: 'SR-9',
        },
      ],
    });
  });

  it('the same under every policy: the booked exposure and reasons', () => {
    const state = fold(bookedCovered);
    expect(assessLiability(state, { responseDeadlineHours: 4 })).toEqual(assessLiability(state));
    expect([assessLiability(state).exposure, assessLiability(state).reasons]).toEqual([
      settlementBooked().data.exposure,
      ['SR-5', 'SR-10', 'SR-9'],
    ]);
  });

  it('recomputeDecision gives what the rules say under the policy, as if nothing were booked', () => {
    const recomputed = recomputeDecision(fold(bookedCovered), { responseDeadlineHours: 4 });
    expect({
      liability: recomputed.liability,
      status: recomputed.status,
      lines: recomputed.settlementLines.map((l) => l.amount),
      steps: recomputed.nextSteps.map((s) => s.action),
    }).toEqual({
      liability: 'merchant',
      status: 'resolved-fraud',
      lines: [-125000],
      steps: [
        'Book the settlement lines "Returnering (bedrageri)" -1.250,00 DKK',
        'Expect "Returnering (bedrageri)" -1.250,00 DKK on the sales note',
      ],
    });
  });

  it('an information request left open before the booking changes no step under any deadline', () => {
    const state = fold([
      stopRequested(),
      informationRequested(),
      settlementBooked({
        lines: [
          {
            kind: 'fraud-return',
            label: 'Returnering (bedrageri)',
            amount: -125000,
            currency: 'DKK',
          },
        ],
        liability: 'merchant',
        exposure: [],
        reasons: ['A-2'],
      }),
    ]);
    const steps = (days: number | null) =>
      assessLiability(state, { informationDeadlineDays: days }).nextSteps;
    expect([steps(3), steps(null)]).toEqual([steps(7), steps(7)]);
    expect(steps(7).map((s) => s.rule)).toEqual(['SR-9']);
  });

  it('booked lines are shown as booked even beyond the order', () => {
    const oversized = settlementBooked({
      lines: [
        {
          kind: 'fraud-return',
          label: 'Returnering (bedrageri)',
          amount: -250000,
          currency: 'DKK',
        },
        { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 200000, currency: 'DKK' },
      ],
    });
    const decision = assessLiability(
      fold([stopRequested(), shippedWithTracking(), concluded(), oversized]),
    );
    expect(decision.settlementLines.map((l) => l.amount)).toEqual([-250000, 200000]);
  });
});

describe('bookings written before they carried their decision (lines only)', () => {
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
  const twoParcels: Event[] = [
    stopRequested(),
    shippedWithTracking({ trackingNumber: 'PN-1', amount: 75000, taxAmount: 15000 }),
    shippedWithoutTracking({ amount: 50000, taxAmount: 10000 }),
    concluded(),
  ];
  const legacyLiability = (lines: SettlementLine[]) =>
    assessLiability(fold([...twoParcels, legacySettlementBooked({ lines })])).liability;

  it('derive klarna, split or merchant from the lines and the parts the state exposed', () => {
    expect([
      legacyLiability([fraudReturn(-125000), fraudPolicy(100000)]),
      legacyLiability([fraudReturn(-125000), fraudPolicy(60000)]),
      legacyLiability([fraudReturn(-125000)]),
    ]).toEqual(['klarna', 'split', 'merchant']);
  });

  it('a part the booking contradicts cites SR-10 alone, never the rules that would cover it', () => {
    const decision = assessLiability(
      fold([
        stopRequested(),
        shippedWithTracking(),
        concluded(),
        legacySettlementBooked({ lines: [fraudReturn(-125000)] }),
      ]),
    );
    expect([decision.liability, decision.exposure]).toEqual([
      'merchant',
      [
        {
          key: 'PN-1',
          gross: 125000,
          tax: 25000,
          currency: 'DKK',
          covered: false,
          rules: ['SR-10'],
        },
      ],
    ]);
  });

  it('lines booked where nothing was answered or concluded read against the whole order', () => {
    const decision = assessLiability(
      fold([
        stopRequested(),
        legacySettlementBooked({ lines: [fraudReturn(-125000), fraudPolicy(100000)] }),
      ]),
    );
    expect([decision.liability, decision.exposure]).toEqual([
      'klarna',
      [
        {
          key: 'order',
          gross: 125000,
          tax: 25000,
          currency: 'DKK',
          covered: true,
          rules: ['SR-10'],
        },
      ],
    ]);
  });

  it('a split legacy booking keeps the parts as the default policy covers them', () => {
    const decision = assessLiability(
      fold([
        ...twoParcels,
        legacySettlementBooked({ lines: [fraudReturn(-125000), fraudPolicy(60000)] }),
      ]),
    );
    expect(decision.exposure).toEqual([
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
});

describe('a return after the settlement (SR-8, item 11)', () => {
  const events: Event[] = [...bookedCovered, returned({ trackingNumber: 'PN-1' })];

  it('keeps the booked decision and asks Klarna for a correction', () => {
    const decision = assessLiability(fold(events));
    expect([
      decision.liability,
      decision.settlementLines.map((l) => l.amount),
      decision.nextSteps,
    ]).toEqual([
      'klarna',
      [-125000, 100000],
      [
        {
          actor: 'merchant',
          action:
            'Find "Returnering (bedrageri)" -1.250,00 DKK, then "Bedrageripolicy" 1.000,00 DKK on the sales note',
          rule: 'SR-9',
        },
        {
          actor: 'klarna',
          action:
            'Correct the booked settlement: parcel PN-1 came back on 2026-03-06T10:00:00Z, after the booking, and no longer carries a claim',
          rule: 'SR-8',
        },
      ],
    ]);
  });

  it('a return of a parcel the case never had asks for no correction', () => {
    const state = fold([...bookedCovered, returned({ trackingNumber: 'NOPE' })]);
    expect(state.returnsAfterSettlement).toEqual([]);
  });

  it('is shown to the merchant as registered', () => {
    expect(toMerchantView(fold(events)).reported.returnsAfterSettlement).toEqual([
      { trackingNumber: 'PN-1', returnedAt: '2026-03-06T10:00:00Z' },
    ]);
  });
});

describe('a booking read back from a store that orders JSON keys its own way', () => {
  it('gives the same decision, byte for byte (SR-13)', () => {
    const { data } = settlementBooked();
    const reordered: Event = {
      type: 'SettlementBooked',
      data: {
        reasons: data.reasons,
        exposure: (data.exposure ?? []).map((p) => ({
          tax: p.tax,
          key: p.key,
          rules: p.rules,
          gross: p.gross,
          covered: p.covered,
          currency: p.currency,
        })),
        lines: data.lines.map((l) => ({
          currency: l.currency,
          amount: l.amount,
          label: l.label,
          kind: l.kind,
        })),
        liability: data.liability,
        bookedAt: data.bookedAt,
        orderId: data.orderId,
      },
    };
    const history = [stopRequested(), shippedWithTracking(), concluded()];
    expect(JSON.stringify(assessLiability(fold([...history, reordered])))).toBe(
      JSON.stringify(assessLiability(fold([...history, settlementBooked()]))),
    );
  });
});
