import fc from 'fast-check';
import { storedHistory } from './__fixtures__/stored-histories';
import {
  informationProvided,
  informationRequested,
  recallRequested,
  returned,
  settlementBooked,
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
        total: 32 * 2_000 + 11,
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
