import fc from 'fast-check';
import { storedHistory } from './__fixtures__/stored-histories';
import {
  concluded,
  disputed,
  informationProvided,
  informationRequested,
  invoiceOverdue,
  recallRequested,
  returned,
  serviceNotInterruptible,
  settlementBooked,
  shippedWithoutTracking,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import { eventTime } from './event-time';
import type { Event } from './events';
import { evolve, fold, foldUntil, startFold } from './evolve';
import { initialState } from './state';

const history: Event[] = [
  stopRequested(),
  shippedWithTracking({ amount: 75000, taxAmount: 15000, collected: false }),
  recallRequested(),
  recallRequested({ requestedBy: 'merchant', requestedAt: '2026-03-02T13:00:00Z' }),
  shippedWithoutTracking({ carrier: 'GLS', amount: 50000, taxAmount: 10000 }),
  returned({ trackingNumber: '#2' }),
  disputed(),
  invoiceOverdue(),
  informationRequested({ topic: 'proof of delivery' }),
  informationProvided(),
  concluded(),
  settlementBooked(),
];

describe('fold', () => {
  it('folds a history into the state every event describes', () => {
    expect(fold(history)).toEqual({
      stop: stopRequested().data,
      stopped: null,
      serviceNotInterruptibleAt: null,
      parcels: [
        {
          key: 'PN-1',
          trackingNumber: 'PN-1',
          carrier: 'PostNord',
          shippedAt: '2026-03-01T15:00:00Z',
          reportedAt: '2026-03-02T12:00:00Z',
          amount: 75000,
          taxAmount: 15000,
          collected: false,
          returnedAt: null,
          recallRequestedByKlarnaAt: '2026-03-02T12:00:00Z',
          recallRequestedByMerchantAt: '2026-03-02T13:00:00Z',
          eventIndex: 1,
        },
        {
          key: '#2',
          trackingNumber: null,
          carrier: 'GLS',
          shippedAt: '2026-03-01T15:00:00Z',
          reportedAt: '2026-03-02T12:00:00Z',
          amount: 50000,
          taxAmount: 10000,
          collected: null,
          returnedAt: '2026-03-06T10:00:00Z',
          recallRequestedByKlarnaAt: null,
          recallRequestedByMerchantAt: null,
          eventIndex: 4,
        },
      ],
      disputedAt: '2026-03-20T08:00:00Z',
      overdueAt: '2026-04-15T08:00:00Z',
      informationRequests: [
        {
          requestedAt: '2026-03-21T08:00:00Z',
          topic: 'proof of delivery',
          providedAt: '2026-03-23T08:00:00Z',
        },
      ],
      conclusion: { concludedAt: '2026-04-01T08:00:00Z', outcome: 'fraud' },
      settlements: [
        {
          bookedAt: '2026-04-02T08:00:00Z',
          lines: settlementBooked().data.lines,
          liability: 'klarna',
          exposure: settlementBooked().data.exposure,
          reasons: ['SR-5', 'SR-10', 'SR-9'],
        },
      ],
      returnsAfterSettlement: [],
      skipped: [],
      eventCount: 12,
    });
  });

  it('equals evolving event by event (one recipe serves both)', () => {
    expect(fold(history)).toEqual(history.reduce(evolve, initialState));
  });

  it('folding a prefix and then the rest equals folding the whole', () => {
    for (let cut = 0; cut <= history.length; cut++)
      expect(fold(history.slice(cut), fold(history.slice(0, cut)))).toEqual(fold(history));
  });

  it('returns a deeply frozen state and leaves the events and the start state unfrozen and unchanged', () => {
    const events = history.map((e) => JSON.parse(JSON.stringify(e)) as Event);
    const before = JSON.stringify(events);
    const start = fold(events.slice(0, 2));
    const state = fold(events.slice(2), start);
    expect([
      Object.isFrozen(state),
      Object.isFrozen(state.parcels),
      Object.isFrozen(state.parcels[0]),
      Object.isFrozen(state.stop),
    ]).toEqual([true, true, true, true]);
    expect(events.some((e) => Object.isFrozen(e) || Object.isFrozen(e.data))).toBe(false);
    expect(JSON.stringify(events)).toBe(before);
    expect(start.eventCount).toBe(2);
    expect(start.parcels[0]?.recallRequestedByKlarnaAt).toBeNull();
  });

  it('ignores a recall, return or answer that names nothing known (a history the decider would refuse)', () => {
    const state = fold([
      stopRequested(),
      recallRequested({ trackingNumber: 'XX' }),
      returned({ trackingNumber: 'XX' }),
      informationProvided(),
      serviceNotInterruptible(),
      serviceNotInterruptible({ reportedAt: '2026-03-03T00:00:00Z' }),
    ]);
    expect([
      state.parcels,
      state.informationRequests,
      state.serviceNotInterruptibleAt,
      state.eventCount,
    ]).toEqual([[], [], '2026-03-02T11:00:00Z', 6]);
  });
});

describe('evolve', () => {
  it('leaves the previous state as it was (structural sharing)', () => {
    const before = fold([stopRequested()]);
    const after = evolve(before, shippedWithTracking());
    expect([before.parcels.length, after.parcels.length, after.stop === before.stop]).toEqual([
      0,
      1,
      true,
    ]);
    expect(Object.isFrozen(after)).toBe(true);
  });
});

describe('foldUntil (time travel)', () => {
  it('replays only what had happened by the given time', () => {
    const asOfDispute = foldUntil(history, '2026-03-20T08:00:00Z');
    expect([asOfDispute.eventCount, asOfDispute.disputedAt, asOfDispute.conclusion]).toEqual([
      7,
      '2026-03-20T08:00:00Z',
      null,
    ]);
  });

  it('one millisecond before the stop request, nothing had happened', () => {
    expect(foldUntil(history, '2026-03-02T08:59:59.999Z')).toEqual(initialState);
  });

  it('can continue from a state', () => {
    expect(
      foldUntil(history.slice(1), '2026-03-02T12:00:00Z', fold(history.slice(0, 1))).eventCount,
    ).toBe(4);
  });
});

describe('eventTime', () => {
  it('is the time each event records', () => {
    expect(
      [...history, serviceNotInterruptible()].map((event) => [event.type, eventTime(event)]),
    ).toEqual([
      ['StopRequested', '2026-03-02T09:00:00Z'],
      ['ShippedWithTracking', '2026-03-02T12:00:00Z'],
      ['RecallRequested', '2026-03-02T12:00:00Z'],
      ['RecallRequested', '2026-03-02T13:00:00Z'],
      ['ShippedWithoutTracking', '2026-03-02T12:00:00Z'],
      ['Returned', '2026-03-06T10:00:00Z'],
      ['Disputed', '2026-03-20T08:00:00Z'],
      ['InvoiceOverdue', '2026-04-15T08:00:00Z'],
      ['InformationRequested', '2026-03-21T08:00:00Z'],
      ['InformationProvided', '2026-03-23T08:00:00Z'],
      ['InvestigationConcluded', '2026-04-01T08:00:00Z'],
      ['SettlementBooked', '2026-04-02T08:00:00Z'],
      ['ServiceCouldNotBeInterrupted', '2026-03-02T11:00:00Z'],
    ]);
  });
});

describe('fold over long and arbitrary histories', () => {
  it('equals evolving event by event for arbitrary stored histories (one index, rebuilt or kept)', () => {
    fc.assert(
      fc.property(storedHistory, fc.nat(14), (events, cut) => {
        const whole = fold(events);
        expect([
          fold(events.slice(cut), fold(events.slice(0, cut))),
          events.reduce(evolve, initialState),
        ]).toEqual([whole, whole]);
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 300) },
    );
  });

  it('a stream of 10,000 events: every parcel recalled and returned, every request answered in order', () => {
    const events: Event[] = [stopRequested({ totalAmount: 10_000_000, totalTaxAmount: 2_000_000 })];
    for (let i = 0; i < 2_000; i++) {
      const trackingNumber = `GLS-${i}`;
      events.push(
        shippedWithTracking({ carrier: 'GLS', trackingNumber, amount: 1000, taxAmount: 200 }),
        recallRequested({ trackingNumber, requestedBy: 'merchant' }),
        returned({ trackingNumber }),
        informationRequested({ topic: `parcel ${i}` }),
      );
    }
    for (let i = 0; i < 1_999; i++) events.push(informationProvided());
    const state = fold(events);
    expect({
      events: state.eventCount,
      parcels: state.parcels.length,
      recalled: state.parcels.filter((p) => p.recallRequestedByMerchantAt !== null).length,
      returned: state.parcels.filter((p) => p.returnedAt !== null).length,
      answered: state.informationRequests.filter((r) => r.providedAt !== null).length,
      stillOpen: state.informationRequests.filter((r) => r.providedAt === null).map((r) => r.topic),
      skipped: state.skipped.length,
    }).toEqual({
      events: 10_000,
      parcels: 2_000,
      recalled: 2_000,
      returned: 2_000,
      answered: 1_999,
      stillOpen: ['parcel 1999'],
      skipped: 0,
    });
  });
});

describe('startFold: a fold that takes one event at a time', () => {
  it('gives what fold gives, at every step, and a frozen state that later events leave as it was', () => {
    const folding = startFold();
    const snapshots = history.map((event) => {
      folding.add(event);
      return folding.result();
    });
    expect(snapshots.map((state) => [state, Object.isFrozen(state)])).toEqual(
      history.map((_, i) => [fold(history.slice(0, i + 1)), true]),
    );
  });

  it('gives the same state until the next event, and a new one after it', () => {
    const folding = startFold();
    const empty = folding.result();
    const again = folding.result();
    folding.add(history[0]!);
    expect([again === empty, folding.result() === empty, empty.eventCount]).toEqual([
      true,
      false,
      0,
    ]);
  });

  it('starts from a given state, which it leaves unchanged', () => {
    const start = fold(history.slice(0, 3));
    const before = JSON.stringify(start);
    const folding = startFold(start);
    for (const event of history.slice(3)) folding.add(event);
    expect([folding.result(), JSON.stringify(start)]).toEqual([fold(history), before]);
  });

  it('equals fold on arbitrary stored histories', () => {
    fc.assert(
      fc.property(storedHistory, (events) => {
        const folding = startFold();
        for (const event of events) folding.add(event);
        expect(folding.result()).toEqual(fold(events));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 300) },
    );
  });
});
