// One specification per question of Klarna's merchant FAQ on stop requests (docs/rules.md):
// the decision and next steps the merchant gets at that point of the story.
import * as E from 'fp-ts/Either';
import {
  concluded,
  disputed,
  given,
  informationRequested,
  ORDER_ID,
  orderStopped,
  recallRequested,
  reportShipment,
  returned,
  serviceNotInterruptible,
  shippedWithoutTracking,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import { assessLiability } from './assess';
import type { NextStep } from './decision';
import type { Event } from './events';
import { fold } from './evolve';
import { toMerchantView } from './merchant-view';
import type { ParcelExposure } from './parcel-exposure';
import type { RuleId } from './rules';

const decide = (events: Event[]) => assessLiability(fold(events));

// An exposed part of the 1.250,00 DKK order (250,00 DKK VAT) as the decision lists it.
const parcelPart = (key: string, covered: boolean, rules: RuleId[]): ParcelExposure => ({
  key,
  gross: 125000,
  tax: 25000,
  currency: 'DKK',
  covered,
  rules,
});
const orderPart = (covered: boolean, rules: RuleId[]): ParcelExposure =>
  parcelPart('order', covered, rules);

const askKlarna: NextStep = {
  actor: 'customer',
  action: 'Ask Klarna customer service, not the merchant, about the order',
  rule: 'SR-1',
};
const registerReturns: NextStep = {
  actor: 'merchant',
  action:
    "Register every parcel that comes back as returned, in Klarna's portal or your own order system",
  rule: 'SR-8',
};
const klarnaWaits: NextStep = {
  actor: 'klarna',
  action: 'Wait for the customer to dispute the invoice or for it to go unpaid, then investigate',
  rule: 'SR-7',
};

describe('Stop Request FAQ', () => {
  it('Why have we been told by Klarna to stop the order? — the merchant must answer the form; risk details stay with Klarna', () => {
    const state = fold([stopRequested()]);
    expect(assessLiability(state)).toEqual({
      orderId: ORDER_ID,
      liability: 'undetermined',
      status: 'awaiting-merchant-response',
      settlementLines: [],
      exposure: [],
      reasons: ['SR-2'],
      nextSteps: [
        {
          actor: 'merchant',
          action:
            'Answer the stop request form within 24 hours of the stop request: confirm the order was stopped (invoice removed or whole order registered as returned), or report carrier and tracking number of every shipped parcel',
          rule: 'SR-2',
        },
        askKlarna,
      ],
    });
    expect(JSON.stringify(toMerchantView(state))).not.toContain('address linked to earlier fraud');
  });

  describe('The order you asked us to stop is a service, not a physical product. How do we fill in the form?', () => {
    const service = stopRequested({ purchaseKind: 'service' });

    it('a service that can be interrupted: confirm it stopped once the invoice is removed', () => {
      expect(decide([service, orderStopped()])).toEqual({
        orderId: ORDER_ID,
        liability: 'none',
        status: 'stopped',
        settlementLines: [],
        exposure: [],
        reasons: ['SR-4'],
        nextSteps: [
          {
            actor: 'merchant',
            action:
              'Keep access to the service closed so that no more invoices are sent; nothing else is needed',
            rule: 'SR-4',
          },
        ],
      });
    });

    it('a service that cannot be interrupted: report it, and Klarna waits for a dispute', () => {
      expect(decide([service, serviceNotInterruptible()])).toEqual({
        orderId: ORDER_ID,
        liability: 'klarna',
        status: 'awaiting-dispute',
        settlementLines: [],
        exposure: [orderPart(true, ['SR-4', 'A-1', 'SR-10'])],
        reasons: ['SR-4', 'A-1', 'SR-10'],
        nextSteps: [
          {
            actor: 'merchant',
            action: 'Close access to the service so that no more invoices are sent',
            rule: 'SR-4',
          },
          { actor: 'klarna', action: 'Wait for the customer to dispute the invoice', rule: 'SR-4' },
          askKlarna,
        ],
      });
    });
  });

  it('We were able to stop the delivery. What do we do next? — remove the invoice or register the whole order returned, then confirm', () => {
    expect(decide([stopRequested(), orderStopped({ method: 'returned-in-order-system' })])).toEqual(
      {
        orderId: ORDER_ID,
        liability: 'none',
        status: 'stopped',
        settlementLines: [],
        exposure: [],
        reasons: ['SR-3'],
        nextSteps: [
          {
            actor: 'merchant',
            action:
              'Nothing more: the invoice is removed or the whole order registered as returned, and no claim remains',
            rule: 'SR-3',
          },
        ],
      },
    );
  });

  describe('The order has already been shipped. What happens now?', () => {
    it('with PostNord or Schenker Privpak, Klarna recalls the parcel for the merchant', () => {
      const answer = given(stopRequested())(reportShipment());
      expect(answer).toEqual(E.right([shippedWithTracking(), recallRequested()]));
      expect(decide([stopRequested(), shippedWithTracking(), recallRequested()])).toEqual({
        orderId: ORDER_ID,
        liability: 'klarna',
        status: 'shipped',
        settlementLines: [],
        exposure: [parcelPart('PN-1', true, ['SR-5', 'SR-10'])],
        reasons: ['SR-5', 'SR-10'],
        nextSteps: [
          {
            actor: 'klarna',
            action: 'Recall parcel PN-1 (PostNord) for the merchant',
            rule: 'SR-5',
          },
          registerReturns,
          klarnaWaits,
          askKlarna,
        ],
      });
    });

    it('with another carrier, the recall is the merchant’s own job', () => {
      expect(
        decide([stopRequested(), shippedWithTracking({ carrier: 'Bring', trackingNumber: 'BR-3' })])
          .nextSteps,
      ).toEqual([
        {
          actor: 'merchant',
          action:
            'Recall parcel BR-3 (Bring) with the carrier yourself; Klarna recalls only PostNord and Schenker Privpak parcels',
          rule: 'SR-5',
        },
        registerReturns,
        klarnaWaits,
        askKlarna,
      ]);
    });

    it('without a tracking number, it breaches the agreement and liability leaves Klarna', () => {
      expect(decide([stopRequested(), shippedWithoutTracking({ carrier: 'Bring' })])).toEqual({
        orderId: ORDER_ID,
        liability: 'merchant',
        status: 'shipped',
        settlementLines: [],
        exposure: [parcelPart('#1', false, ['SR-6'])],
        reasons: ['SR-6', 'SR-10'],
        nextSteps: [
          {
            actor: 'merchant',
            action:
              'Know that parcel #1 (Bring) was shipped without a tracking number, which breaches the agreement: its loss is yours if the order proves fraudulent',
            rule: 'SR-6',
          },
          registerReturns,
          klarnaWaits,
          askKlarna,
        ],
      });
    });
  });

  it('What happens after we have given you the order’s status? — a dispute starts an investigation that uses the form answers', () => {
    expect(
      decide([
        stopRequested(),
        shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-7' }),
        disputed(),
        informationRequested({ topic: 'proof of delivery' }),
      ]),
    ).toEqual({
      orderId: ORDER_ID,
      liability: 'klarna',
      status: 'under-investigation',
      settlementLines: [],
      exposure: [parcelPart('GLS-7', true, ['SR-5', 'SR-10'])],
      reasons: ['SR-5', 'SR-10', 'SR-7'],
      nextSteps: [
        {
          actor: 'klarna',
          action:
            'Investigate using the form answers; ask the merchant by e-mail if more is needed, help the person affected and assist the police',
          rule: 'SR-7',
        },
        {
          actor: 'merchant',
          action:
            'Send Klarna the information requested about proof of delivery by 2026-03-28T08:00:00.000Z, answering the e-mail',
          rule: 'A-7',
        },
        {
          actor: 'merchant',
          action:
            'Recall parcel GLS-7 (GLS) with the carrier yourself; Klarna recalls only PostNord and Schenker Privpak parcels',
          rule: 'SR-5',
        },
        registerReturns,
        {
          actor: 'merchant',
          action: "Send any further information about the order to Klarna's merchant support",
          rule: 'SR-7',
        },
        askKlarna,
      ],
    });
  });

  it('The parcel has been returned to us. What should we do? — register it returned; no claim remains', () => {
    expect(
      decide([
        stopRequested(),
        shippedWithTracking(),
        recallRequested(),
        returned({ trackingNumber: 'PN-1' }),
      ]),
    ).toEqual({
      orderId: ORDER_ID,
      liability: 'none',
      status: 'returned',
      settlementLines: [],
      exposure: [],
      reasons: ['SR-5', 'SR-8'],
      nextSteps: [
        {
          actor: 'merchant',
          action: 'Nothing more: every shipped parcel is back and no claim remains',
          rule: 'SR-8',
        },
      ],
    });
  });

  describe('There is a return entry on our sales note for a high-risk order. Why?', () => {
    it('requirements met: the gross is taken back, then the amount excluding VAT is paid out', () => {
      expect(
        decide([
          stopRequested(),
          shippedWithTracking(),
          recallRequested(),
          disputed(),
          concluded(),
        ]),
      ).toEqual({
        orderId: ORDER_ID,
        liability: 'klarna',
        status: 'resolved-fraud',
        settlementLines: [
          {
            kind: 'fraud-return',
            label: 'Returnering (bedrageri)',
            amount: -125000,
            currency: 'DKK',
          },
          { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 100000, currency: 'DKK' },
        ],
        exposure: [parcelPart('PN-1', true, ['SR-5', 'SR-10'])],
        reasons: ['SR-5', 'SR-10', 'SR-7', 'SR-9'],
        nextSteps: [
          {
            actor: 'klarna',
            action:
              'Book the settlement lines "Returnering (bedrageri)" -1.250,00 DKK, then "Bedrageripolicy" 1.000,00 DKK',
            rule: 'SR-9',
          },
          {
            actor: 'merchant',
            action:
              'Expect "Returnering (bedrageri)" -1.250,00 DKK, then "Bedrageripolicy" 1.000,00 DKK on the sales note',
            rule: 'SR-9',
          },
        ],
      });
    });

    it('requirements not met: the claim is reverted and only the return line appears', () => {
      expect(
        decide([stopRequested(), shippedWithoutTracking(), disputed(), concluded()])
          .settlementLines,
      ).toEqual([
        {
          kind: 'fraud-return',
          label: 'Returnering (bedrageri)',
          amount: -125000,
          currency: 'DKK',
        },
      ]);
    });
  });

  it('Why do you send a link to a web form instead of an e-mail? — the form answer is what decides: without one the merchant carries the loss', () => {
    const decision = decide([stopRequested(), disputed(), concluded()]);
    expect([decision.liability, decision.reasons]).toEqual([
      'merchant',
      ['SR-2', 'A-2', 'SR-10', 'SR-7', 'SR-9'],
    ]);
  });

  it('We have more information about an order. Whom can we contact? — the merchant support, which forwards it', () => {
    const steps = decide([stopRequested(), shippedWithTracking(), disputed()]).nextSteps;
    expect(steps.filter((s) => s.actor === 'merchant' && s.rule === 'SR-7')).toEqual([
      {
        actor: 'merchant',
        action: "Send any further information about the order to Klarna's merchant support",
        rule: 'SR-7',
      },
    ]);
  });
});
