import * as E from 'fp-ts/Either';
import {
  concluded,
  disputed,
  informationRequested,
  ORDER_ID,
  orderStopped,
  settlementBooked,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import * as domain from './index';

describe('the public API of @order-liability/domain (docs/domain.md)', () => {
  it('exports every name of the contract', () => {
    const names = [
      'initialState',
      'evolve',
      'fold',
      'decide',
      'decider',
      'assessLiability',
      'defaultPolicy',
      'decodeEvent',
      'toMerchantView',
      'foldUntil',
      'decodeCommand',
    ];
    expect(names.filter((name) => !(name in domain))).toEqual([]);
  });

  it('decider is { decide, evolve, initialState } and initialState is a value', () => {
    expect(domain.decider).toEqual({
      decide: domain.decide,
      evolve: domain.evolve,
      initialState: domain.initialState,
    });
    expect(domain.fold([])).toEqual(domain.initialState);
  });

  it('the decider runs a case end to end', () => {
    const { decider } = domain;
    const run = (commands: domain.Command[]) =>
      commands.reduce((state, command) => {
        const events = decider.decide(command, state);
        if (E.isLeft(events)) throw new Error(events.left.message);
        return events.right.reduce(decider.evolve, state);
      }, decider.initialState);
    const state = run([
      { type: 'RequestStop', data: stopRequested().data },
      { type: 'ReportShipment', data: { ...shippedWithTracking().data, carrier: 'Bring' } },
      {
        type: 'RecordInvoiceOverdue',
        data: { orderId: ORDER_ID, observedAt: '2026-04-15T08:00:00Z' },
      },
      {
        type: 'ConcludeInvestigation',
        data: concluded({ concludedAt: '2026-04-20T08:00:00Z' }).data,
      },
      { type: 'BookSettlement', data: { orderId: ORDER_ID, bookedAt: '2026-04-21T08:00:00Z' } },
    ]);
    expect([
      domain.assessLiability(state).status,
      state.eventCount,
      state.settlements[0]?.lines,
    ]).toEqual(['settled', 5, settlementBooked().data.lines]);
  });
});

describe('next steps in less common states', () => {
  const steps = (events: domain.Event[], policy?: domain.PolicyOverride) =>
    domain.assessLiability(domain.fold(events), policy).nextSteps;

  it('a service awaiting an answer, with the deadline switched off', () => {
    expect(
      steps([stopRequested({ purchaseKind: 'service' })], { responseDeadlineHours: null })[0],
    ).toEqual({
      actor: 'merchant',
      action:
        'Answer the stop request form: confirm the service was interrupted and the invoice removed, or report that it cannot be interrupted',
      rule: 'SR-2',
    });
  });

  it('a recall duty for another carrier (A-4)', () => {
    expect(
      steps([stopRequested(), shippedWithTracking({ carrier: 'GLS', trackingNumber: 'G-1' })], {
        requireMerchantRecallForOtherCarriers: true,
      })[0],
    ).toEqual({
      actor: 'merchant',
      action:
        "Recall parcel G-1 (GLS) with the carrier and record the recall (RequestRecall) to keep Klarna's cover",
      rule: 'A-4',
    });
  });

  it('information requested without a topic or a deadline', () => {
    expect(
      steps([stopRequested(), disputed(), informationRequested()], {
        informationDeadlineDays: null,
      }).filter((s) => s.rule === 'A-7'),
    ).toEqual([
      {
        actor: 'merchant',
        action: 'Send Klarna the information requested, answering the e-mail',
        rule: 'A-7',
      },
    ]);
  });

  it('not fraud: the customer pays', () => {
    expect(
      steps([stopRequested(), shippedWithTracking(), concluded({ outcome: 'not-fraud' })]),
    ).toEqual([
      { actor: 'customer', action: 'Pay the invoice: the claim stays with you', rule: 'SR-11' },
    ]);
  });

  it('fraud with nothing exposed, and a stopped order: nothing to book', () => {
    expect(
      steps([
        stopRequested(),
        shippedWithTracking(),
        {
          type: 'Returned',
          data: {
            orderId: ORDER_ID,
            returnedAt: '2026-03-05T00:00:00Z',
            registeredIn: 'order-system',
          },
        },
        concluded(),
      ]),
    ).toEqual([]);
    expect(domain.eventTime(orderStopped())).toBe('2026-03-02T10:00:00Z');
  });

  it('settled: the merchant finds the booked lines', () => {
    expect(
      steps([stopRequested(), shippedWithTracking(), concluded(), settlementBooked()]),
    ).toEqual([
      {
        actor: 'merchant',
        action:
          'Find "Returnering (bedrageri)" -1.250,00 DKK, then "Bedrageripolicy" 1.000,00 DKK on the sales note',
        rule: 'SR-9',
      },
    ]);
  });
});
