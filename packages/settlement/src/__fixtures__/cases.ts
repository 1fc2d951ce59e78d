import {
  type Command,
  decide,
  type Event,
  fold,
  initialState,
  type OrderState,
} from '@order-liability/domain';

// Every case starts at T0; times are hours after it.
const T0 = Date.parse('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
export const at = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();

const requestStop = (orderId: string): Command => ({
  type: 'RequestStop',
  data: {
    orderId,
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: at(0),
  },
});

const tracked = (orderId: string, trackingNumber: string, amounts?: [number, number]): Command => ({
  type: 'ReportShipment',
  data: {
    orderId,
    carrier: 'PostNord',
    trackingNumber,
    shippedAt: at(-24),
    reportedAt: at(2),
    ...(amounts === undefined
      ? {}
      : { amount: amounts[0], taxAmount: amounts[1], currency: 'DKK' }),
  },
});

const untracked = (orderId: string, amounts?: [number, number]): Command => ({
  type: 'ReportShipment',
  data: {
    orderId,
    shippedAt: at(-24),
    reportedAt: at(2),
    ...(amounts === undefined
      ? {}
      : { amount: amounts[0], taxAmount: amounts[1], currency: 'DKK' }),
  },
});

const conclude = (orderId: string, outcome: 'fraud' | 'not-fraud'): Command => ({
  type: 'ConcludeInvestigation',
  data: { orderId, concludedAt: at(240), outcome },
});

const book = (orderId: string): Command => ({
  type: 'BookSettlement',
  data: { orderId, bookedAt: at(264) },
});

/** The events the domain decides for the commands; throws on a refused command (a bad fixture). */
export const eventsOf = (commands: readonly Command[]): Event[] => {
  let state = initialState;
  const events: Event[] = [];
  for (const command of commands) {
    const decided = decide(command, state);
    if (decided._tag === 'Left') throw new Error(`fixture: ${decided.left.message}`);
    state = fold(decided.right, state);
    events.push(...decided.right);
  }
  return events;
};

export const stateOf = (commands: readonly Command[]): OrderState => fold(eventsOf(commands));

/** Klarna covers it (tracked PostNord parcel shipped before the stop, answered in time), booked. */
export const coveredBooked = (orderId: string): Command[] => [
  requestStop(orderId),
  tracked(orderId, `PN${orderId.slice(0, 8)}`),
  conclude(orderId, 'fraud'),
  book(orderId),
];

/** Covered and concluded fraud, not booked yet: the recomputed decision is expected. */
export const coveredConcluded = (orderId: string): Command[] => coveredBooked(orderId).slice(0, 3);

/** Shipped without tracking (SR-6): the merchant carries the loss; concluded fraud. */
export const merchantConcluded = (orderId: string): Command[] => [
  requestStop(orderId),
  untracked(orderId),
  conclude(orderId, 'fraud'),
];

/** A tracked parcel of 750.00 (150.00 VAT) covered, an untracked one of 500.00 (100.00 VAT) not. */
export const splitBooked = (orderId: string): Command[] => [
  requestStop(orderId),
  tracked(orderId, `PN${orderId.slice(0, 8)}`, [75000, 15000]),
  untracked(orderId, [50000, 10000]),
  conclude(orderId, 'fraud'),
  book(orderId),
];

/** Concluded not fraud (SR-11): nothing is expected. */
export const notFraud = (orderId: string): Command[] => [
  requestStop(orderId),
  tracked(orderId, `PN${orderId.slice(0, 8)}`),
  conclude(orderId, 'not-fraud'),
];

/** Shipped, not concluded yet: nothing is expected. */
export const open = (orderId: string): Command[] => [
  requestStop(orderId),
  tracked(orderId, `PN${orderId.slice(0, 8)}`),
];
