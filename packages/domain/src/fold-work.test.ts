import fc from 'fast-check';
import { storedHistory } from './__fixtures__/stored-histories';
import {
  concluded,
  informationProvided,
  informationRequested,
  recallRequested,
  returned,
  settlementBooked,
  shippedWithoutTracking,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import type { Event } from './events';
import { fold, startFold } from './evolve';
import type { OrderState } from './state';

// One block of five events about one more parcel: shipped, recalled, returned, asked about, answered.
const block = (i: number): Event[] => {
  const trackingNumber = `GLS-${i}`;
  return [
    shippedWithTracking({ carrier: 'GLS', trackingNumber, amount: 1000, taxAmount: 200 }),
    recallRequested({ trackingNumber, requestedBy: 'merchant' }),
    returned({ trackingNumber }),
    informationRequested({ topic: `parcel ${i}` }),
    informationProvided(),
  ];
};

const streamOf = (blocks: number): Event[] => [
  stopRequested({ totalAmount: 100_000_000, totalTaxAmount: 20_000_000 }),
  ...Array.from({ length: blocks }, (_, i) => block(i)).flat(),
];

// The events wrapped so that every property read of an event or of its data is counted.
const counted = (events: readonly Event[]): { events: Event[]; reads: () => number } => {
  let reads = 0;
  const counting = <T extends object>(target: T): T =>
    new Proxy(target, {
      get: (inner, key, receiver): unknown => {
        reads += 1;
        const value: unknown = Reflect.get(inner, key, receiver);
        return key === 'data' && typeof value === 'object' && value !== null
          ? counting(value)
          : value;
      },
    });
  return { events: events.map((event) => counting(event)), reads: () => reads };
};

// Property reads of the events while folding a stream of `blocks` blocks.
const readsFolding = (blocks: number, run: (events: Event[]) => OrderState): number => {
  const { events, reads } = counted(streamOf(blocks));
  run(events);
  return reads();
};

const byFold = (events: Event[]): OrderState => fold(events);
const byStartFold = (events: Event[]): OrderState => {
  const folding = startFold();
  for (const event of events) folding.add(event);
  return folding.result();
};

describe('fold: work per event does not grow with the stream', () => {
  it.each([
    ['fold', byFold],
    ['startFold', byStartFold],
  ])(
    '%s reads each event the same number of times at the 10th event as at the 10,000th',
    (_, run) => {
      // The marginal reads of one more block, near the start and 2,000 blocks in: a fold that
      // went back over earlier events (or folded the whole history again) would read more.
      const early = readsFolding(3, run) - readsFolding(2, run);
      const late = readsFolding(2_000, run) - readsFolding(1_999, run);
      expect({ early, late, total: readsFolding(2_000, run) }).toEqual({
        early: 32,
        late: 32,
        total: 32 * 2_000 + 10,
      });
    },
  );
});

describe('startFold hands out states that later events leave as they were', () => {
  it('every result equals fold of its prefix, stays frozen and unchanged, for arbitrary histories and result points', () => {
    fc.assert(
      fc.property(storedHistory, fc.array(fc.boolean(), { minLength: 20 }), (events, asks) => {
        const folding = startFold();
        const results: { state: OrderState; json: string; length: number }[] = [];
        events.forEach((event, i) => {
          folding.add(event);
          if (asks[i] === true) {
            const state = folding.result();
            results.push({ state, json: JSON.stringify(state), length: i + 1 });
          }
        });
        const last = folding.result();
        expect(last).toEqual(fold(events));
        for (const { state, json, length } of results) {
          expect([JSON.stringify(state), Object.isFrozen(state.parcels)]).toEqual([json, true]);
          expect(state).toEqual(fold(events.slice(0, length)));
        }
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 300) },
    );
  });

  it('changing a returned state or any nested part of it is impossible', () => {
    const folding = startFold();
    for (const event of streamOf(2)) folding.add(event);
    folding.add(settlementBooked());
    const state = folding.result();
    folding.add(returned({ trackingNumber: 'GLS-0', returnedAt: '2026-03-30T10:00:00Z' }));
    const booked = state.settlements[0];
    expect([
      Object.isFrozen(state),
      Object.isFrozen(state.stop),
      Object.isFrozen(state.parcels),
      state.parcels.every((parcel) => Object.isFrozen(parcel)),
      Object.isFrozen(state.informationRequests),
      state.informationRequests.every((request) => Object.isFrozen(request)),
      Object.isFrozen(state.settlements),
      Object.isFrozen(booked),
      Object.isFrozen(booked?.lines),
      booked?.lines.every((line) => Object.isFrozen(line)),
      Object.isFrozen(booked?.exposure),
      booked?.exposure.every((part) => Object.isFrozen(part) && Object.isFrozen(part.rules)),
      Object.isFrozen(booked?.reasons),
      Object.isFrozen(state.returnsAfterSettlement),
      Object.isFrozen(state.skipped),
    ]).toEqual(Array.from({ length: 15 }, () => true));
    expect([state.returnsAfterSettlement.length, folding.result().returnsAfterSettlement]).toEqual([
      0,
      [{ trackingNumber: 'GLS-0', returnedAt: '2026-03-30T10:00:00Z' }],
    ]);
  });
});

describe('fold from a state that was not frozen (built by hand, read from JSON)', () => {
  it('gives what folding from the frozen state gives and leaves the given state as it was', () => {
    const events = [...streamOf(2), settlementBooked()];
    const frozen = fold(events.slice(0, 6));
    // structuredClone copies without freezing, as a state read from JSON would be.
    const copy = structuredClone(frozen);
    const before = JSON.stringify(copy);
    const state = fold(events.slice(6), copy);
    expect([state, JSON.stringify(copy), Object.isFrozen(copy.parcels)]).toEqual([
      fold(events),
      before,
      false,
    ]);
    expect(fold([returned({ trackingNumber: 'GLS-1' })], structuredClone(state))).toEqual(
      fold([returned({ trackingNumber: 'GLS-1' })], state),
    );
  });
});

describe('an order of more parcels than a scan looks through (looked up by key)', () => {
  // Nine tracked parcels, an untracked one (key #10) and a tracked one whose tracking number
  // is #10: two parcels under one key.
  const events: Event[] = [
    stopRequested({ totalAmount: 1_000_000, totalTaxAmount: 200_000 }),
    ...Array.from({ length: 9 }, (_, i) =>
      shippedWithTracking({ trackingNumber: `T-${i + 1}`, amount: 1000, taxAmount: 200 }),
    ),
    shippedWithoutTracking({ amount: 1000, taxAmount: 200 }),
    shippedWithTracking({ trackingNumber: '#10', amount: 1000, taxAmount: 200 }),
    recallRequested({ trackingNumber: '#10', requestedAt: '2026-03-02T13:00:00Z' }),
    recallRequested({
      trackingNumber: 'T-1',
      requestedBy: 'merchant',
      requestedAt: '2026-03-02T13:00:00Z',
    }),
    recallRequested({
      trackingNumber: 'T-1',
      requestedBy: 'merchant',
      requestedAt: '2026-03-02T12:00:00Z',
    }),
    recallRequested({
      trackingNumber: 'T-1',
      requestedBy: 'merchant',
      requestedAt: '2026-03-02T14:00:00Z',
    }),
    returned({ trackingNumber: 'X-1' }),
    returned({ trackingNumber: '#10', returnedAt: '2026-03-07T10:00:00Z' }),
    concluded(),
    settlementBooked(),
    returned({ trackingNumber: 'T-2', returnedAt: '2026-04-03T10:00:00Z' }),
    returned({ trackingNumber: 'X-2', returnedAt: '2026-04-03T10:00:00Z' }),
    returned({ returnedAt: '2026-04-04T10:00:00Z' }),
  ];

  it('applies recalls and returns to the right parcels, and lists the returns after the booking', () => {
    const state = fold(events);
    expect({
      parcels: state.parcels.map((p) => [
        p.key,
        p.trackingNumber,
        p.recallRequestedByKlarnaAt,
        p.recallRequestedByMerchantAt,
        p.returnedAt,
      ]),
      late: state.returnsAfterSettlement,
      skipped: state.skipped,
    }).toEqual({
      parcels: [
        ['T-1', 'T-1', null, '2026-03-02T12:00:00Z', null],
        ...Array.from({ length: 8 }, (_, i) => [`T-${i + 2}`, `T-${i + 2}`, null, null, null]),
        ['#10', null, null, null, '2026-03-07T10:00:00Z'],
        ['#10', '#10', '2026-03-02T13:00:00Z', null, '2026-03-07T10:00:00Z'],
      ],
      late: [
        { trackingNumber: 'T-2', returnedAt: '2026-04-03T10:00:00Z' },
        { trackingNumber: null, returnedAt: '2026-04-04T10:00:00Z' },
      ],
      skipped: [],
    });
  });

  it('gives the same state folded whole, from any prefix, or one event at a time with a result after each', () => {
    const whole = fold(events);
    const folding = startFold();
    for (let cut = 0; cut <= events.length; cut++) {
      expect(fold(events.slice(cut), fold(events.slice(0, cut)))).toEqual(whole);
      const event = events[cut];
      if (event === undefined) continue;
      folding.add(event);
      expect(folding.result()).toEqual(fold(events.slice(0, cut + 1)));
    }
  });
});

describe('fold from states frozen only in part', () => {
  const events = [...streamOf(1), concluded()];
  const frozen = fold(events.slice(0, 4));
  const shipped = fold([shippedWithTracking()]);
  it.each([
    ['a root that is not frozen', { ...frozen }, frozen],
    [
      'a parcel list that is not frozen',
      Object.freeze({ ...frozen, parcels: [...frozen.parcels] }),
      frozen,
    ],
    [
      'parcels that are not frozen',
      Object.freeze({ ...frozen, parcels: Object.freeze(frozen.parcels.map((p) => ({ ...p }))) }),
      frozen,
    ],
    ['a state with no stop yet', structuredClone(shipped), shipped],
  ])('copies %s and folds on as from its frozen original', (_, from, original) => {
    const before = JSON.stringify(from);
    expect([fold(events.slice(4), from), JSON.stringify(from)]).toEqual([
      fold(events.slice(4), original),
      before,
    ]);
  });
});
