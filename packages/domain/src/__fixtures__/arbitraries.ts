// fast-check arbitraries for the property specifications: commands drawn from small, realistic
// value sets so that many are accepted and every rule gets exercised, and the histories they
// make when run through the decider (never hand-written events).
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import type { Command } from '../commands';
import { decide } from '../decide';
import type { Event } from '../events';
import { evolve } from '../evolve';
import type { PolicyOverride } from '../policy';
import { initialState, type OrderState } from '../state';

export const ORDER = '4711';

const instantBetween = (from: number, to: number) =>
  fc
    .tuple(
      fc.integer({ min: from, max: to }),
      fc.integer({ min: 0, max: 23 }),
      fc.constantFrom(0, 0, 1),
    )
    .map(
      ([day, hour, ms]) =>
        `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.00${ms}Z`,
    );
// Around the stop request (days 1-4) for answers, any time in March for the rest.
const early = instantBetween(1, 4);
const instant = instantBetween(1, 28);

const carrier = fc.constantFrom(
  'PostNord',
  'schenker  privpak',
  'DB Schenker Privpak',
  'GLS',
  'Bring',
  '',
);
const trackingNumber = fc.constantFrom('T-1', 'T-2', 'T-3', 'T-4', '', '  ');
const parcelKey = fc.constantFrom('T-1', 'T-2', 'T-3', '#1', '#2', '#3');
const amount = fc.constantFrom(0, 1, 999, 20000, 40000, 50000, 125000);

const riskNote = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `RISK-${s}`);

export const requestStop: fc.Arbitrary<Command> = fc
  .record({
    purchaseKind: fc.constantFrom<'goods' | 'service'>('goods', 'goods', 'service'),
    totalAmount: fc.constantFrom(100000, 125000, 160000),
    taxShare: fc.constantFrom(0, 5, 4),
    requestedAt: instantBetween(2, 2),
    riskNotes: fc.array(riskNote, { maxLength: 3 }),
  })
  .map(({ purchaseKind, totalAmount, taxShare, requestedAt, riskNotes }) => ({
    type: 'RequestStop',
    data: {
      orderId: ORDER,
      merchantId: 'merchant-1',
      purchaseKind,
      currency: 'DKK',
      totalAmount,
      totalTaxAmount: taxShare === 0 ? 0 : Math.floor(totalAmount / taxShare),
      requestedAt,
      riskNotes,
    },
  }));

const shipment: fc.Arbitrary<Command> = fc
  .record({
    carrier,
    trackingNumber,
    shippedAt: instantBetween(1, 2),
    reportedAt: instantBetween(2, 3),
    money: fc.option(fc.tuple(amount, fc.constantFrom(0, 4, 5)), { nil: undefined }),
    collected: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ carrier, trackingNumber, shippedAt, reportedAt, money, collected }) => ({
    type: 'ReportShipment',
    data: {
      orderId: ORDER,
      carrier,
      trackingNumber,
      shippedAt,
      reportedAt,
      ...(money === undefined
        ? {}
        : { amount: money[0], taxAmount: money[1] === 0 ? 0 : Math.floor(money[0] / money[1]) }),
      ...(collected === undefined ? {} : { collected }),
    },
  }));

const confirmStopped = early.map((at): Command => ({
  type: 'ConfirmStopped',
  data: { orderId: ORDER, stoppedAt: at, method: 'invoice-removed' },
}));
const serviceReport = early.map((at): Command => ({
  type: 'ReportServiceNotInterruptible',
  data: { orderId: ORDER, reportedAt: at },
}));
const recall = fc
  .tuple(parcelKey, fc.constantFrom<'klarna' | 'merchant'>('klarna', 'merchant'), instant)
  .map(([tn, by, at]): Command => ({
    type: 'RequestRecall',
    data: { orderId: ORDER, trackingNumber: tn, requestedBy: by, requestedAt: at },
  }));
const registerReturn = fc
  .tuple(fc.option(parcelKey, { nil: undefined }), instant)
  .map(([tn, at]): Command => ({
    type: 'RegisterReturn',
    data: {
      orderId: ORDER,
      returnedAt: at,
      registeredIn: 'order-system',
      ...(tn === undefined ? {} : { trackingNumber: tn }),
    },
  }));
const dispute = instant.map((at): Command => ({
  type: 'RecordDispute',
  data: { orderId: ORDER, disputedAt: at },
}));
const overdue = instant.map((at): Command => ({
  type: 'RecordInvoiceOverdue',
  data: { orderId: ORDER, observedAt: at },
}));
const requestInformation = instant.map((at): Command => ({
  type: 'RequestInformation',
  data: { orderId: ORDER, requestedAt: at },
}));
const provideInformation = instant.map((at): Command => ({
  type: 'ProvideInformation',
  data: { orderId: ORDER, providedAt: at },
}));
const conclude = fc
  .tuple(
    instantBetween(10, 28),
    fc.constantFrom<'fraud' | 'not-fraud'>('fraud', 'fraud', 'fraud', 'not-fraud'),
  )
  .map(([at, outcome]): Command => ({
    type: 'ConcludeInvestigation',
    data: { orderId: ORDER, concludedAt: at, outcome },
  }));
const book = instant.map((at): Command => ({
  type: 'BookSettlement',
  data: { orderId: ORDER, bookedAt: at },
}));

/** Any command but RequestStop, on the same order. */
export const laterCommand: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: shipment, weight: 4 },
  confirmStopped,
  serviceReport,
  recall,
  registerReturn,
  { arbitrary: dispute, weight: 2 },
  overdue,
  requestInformation,
  provideInformation,
  { arbitrary: conclude, weight: 2 },
  { arbitrary: book, weight: 2 },
);

// A case as it usually unfolds: answers, then what happens to the parcels and the invoice, then
// the conclusion and the booking.
const phasedLog: fc.Arbitrary<Command[]> = fc
  .tuple(
    requestStop,
    fc.array(fc.oneof({ arbitrary: shipment, weight: 6 }, confirmStopped, serviceReport), {
      maxLength: 4,
    }),
    fc.array(
      fc.oneof(recall, registerReturn, dispute, overdue, requestInformation, provideInformation),
      { maxLength: 6 },
    ),
    fc.array(fc.oneof(conclude, book), { maxLength: 3 }),
  )
  .map(([first, answers, middle, end]) => [first, ...answers, ...middle, ...end]);

export const policy: fc.Arbitrary<PolicyOverride> = fc.record(
  {
    nonInterruptibleServiceCovered: fc.boolean(),
    requireFormResponse: fc.boolean(),
    shippedAfterStopRequestIsBreach: fc.boolean(),
    requireMerchantRecallForOtherCarriers: fc.boolean(),
    responseDeadlineHours: fc.constantFrom(24, 48, null),
    informationDeadlineDays: fc.constantFrom(7, 1, null),
  },
  { requiredKeys: [] },
);

/** A stop request followed by commands: what a case's command log may look like. */
export const commandLog: fc.Arbitrary<Command[]> = fc.oneof(
  { arbitrary: phasedLog, weight: 3 },
  fc
    .tuple(requestStop, fc.array(laterCommand, { maxLength: 14 }))
    .map(([first, rest]) => [first, ...rest]),
);

export interface Run {
  readonly events: Event[];
  readonly state: OrderState;
  readonly refused: number;
}

/** Runs commands through the decider as a handler would: refused ones record nothing. */
export const runThroughDecider = (
  commands: readonly Command[],
  policyOverride?: PolicyOverride,
): Run => {
  const events: Event[] = [];
  let state = initialState;
  let refused = 0;
  for (const command of commands) {
    const decided = decide(command, state, policyOverride);
    if (E.isLeft(decided)) {
      refused += 1;
      continue;
    }
    events.push(...decided.right);
    state = decided.right.reduce(evolve, state);
  }
  return { events, state, refused };
};
