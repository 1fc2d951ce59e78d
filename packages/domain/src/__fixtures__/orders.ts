// Builders of events and commands for the specifications: one order, 1.250,00 DKK incl.
// 250,00 DKK VAT, stop requested 2026-03-02 09:00 UTC.
import * as E from 'fp-ts/Either';
import type { Command, CommandOf } from '../commands';
import { decide } from '../decide';
import type { DomainError } from '../errors';
import type { Event, EventOf } from '../events';
import { fold } from '../evolve';
import type { PolicyOverride } from '../policy';

export const ORDER_ID = '4711';
export const REQUESTED_AT = '2026-03-02T09:00:00Z';

type DataOf<K extends Event['type']> = EventOf<K>['data'];

export const stopRequested = (
  over: Partial<DataOf<'StopRequested'>> = {},
): EventOf<'StopRequested'> => ({
  type: 'StopRequested',
  data: {
    orderId: ORDER_ID,
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: REQUESTED_AT,
    riskNotes: ['address linked to earlier fraud'],
    ...over,
  },
});

export const orderStopped = (
  over: Partial<DataOf<'OrderStopped'>> = {},
): EventOf<'OrderStopped'> => ({
  type: 'OrderStopped',
  data: {
    orderId: ORDER_ID,
    stoppedAt: '2026-03-02T10:00:00Z',
    method: 'invoice-removed',
    ...over,
  },
});

export const serviceNotInterruptible = (
  over: Partial<DataOf<'ServiceCouldNotBeInterrupted'>> = {},
): EventOf<'ServiceCouldNotBeInterrupted'> => ({
  type: 'ServiceCouldNotBeInterrupted',
  data: { orderId: ORDER_ID, reportedAt: '2026-03-02T11:00:00Z', ...over },
});

export const shippedWithTracking = (
  over: Partial<DataOf<'ShippedWithTracking'>> = {},
): EventOf<'ShippedWithTracking'> => ({
  type: 'ShippedWithTracking',
  data: {
    orderId: ORDER_ID,
    carrier: 'PostNord',
    trackingNumber: 'PN-1',
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt: '2026-03-02T12:00:00Z',
    ...over,
  },
});

export const shippedWithoutTracking = (
  over: Partial<DataOf<'ShippedWithoutTracking'>> = {},
): EventOf<'ShippedWithoutTracking'> => ({
  type: 'ShippedWithoutTracking',
  data: {
    orderId: ORDER_ID,
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt: '2026-03-02T12:00:00Z',
    ...over,
  },
});

export const recallRequested = (
  over: Partial<DataOf<'RecallRequested'>> = {},
): EventOf<'RecallRequested'> => ({
  type: 'RecallRequested',
  data: {
    orderId: ORDER_ID,
    trackingNumber: 'PN-1',
    requestedBy: 'klarna',
    requestedAt: '2026-03-02T12:00:00Z',
    ...over,
  },
});

export const returned = (over: Partial<DataOf<'Returned'>> = {}): EventOf<'Returned'> => ({
  type: 'Returned',
  data: {
    orderId: ORDER_ID,
    returnedAt: '2026-03-06T10:00:00Z',
    registeredIn: 'klarna-portal',
    ...over,
  },
});

export const disputed = (over: Partial<DataOf<'Disputed'>> = {}): EventOf<'Disputed'> => ({
  type: 'Disputed',
  data: { orderId: ORDER_ID, disputedAt: '2026-03-20T08:00:00Z', ...over },
});

export const invoiceOverdue = (
  over: Partial<DataOf<'InvoiceOverdue'>> = {},
): EventOf<'InvoiceOverdue'> => ({
  type: 'InvoiceOverdue',
  data: { orderId: ORDER_ID, observedAt: '2026-04-15T08:00:00Z', ...over },
});

export const informationRequested = (
  over: Partial<DataOf<'InformationRequested'>> = {},
): EventOf<'InformationRequested'> => ({
  type: 'InformationRequested',
  data: { orderId: ORDER_ID, requestedAt: '2026-03-21T08:00:00Z', ...over },
});

export const informationProvided = (
  over: Partial<DataOf<'InformationProvided'>> = {},
): EventOf<'InformationProvided'> => ({
  type: 'InformationProvided',
  data: { orderId: ORDER_ID, providedAt: '2026-03-23T08:00:00Z', ...over },
});

export const concluded = (
  over: Partial<DataOf<'InvestigationConcluded'>> = {},
): EventOf<'InvestigationConcluded'> => ({
  type: 'InvestigationConcluded',
  data: { orderId: ORDER_ID, concludedAt: '2026-04-01T08:00:00Z', outcome: 'fraud', ...over },
});

export const settlementBooked = (
  over: Partial<DataOf<'SettlementBooked'>> = {},
): EventOf<'SettlementBooked'> => ({
  type: 'SettlementBooked',
  data: {
    orderId: ORDER_ID,
    bookedAt: '2026-04-02T08:00:00Z',
    lines: [
      { kind: 'fraud-return', label: 'Returnering (bedrageri)', amount: -125000, currency: 'DKK' },
      { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 100000, currency: 'DKK' },
    ],
    liability: 'klarna',
    exposure: [
      {
        key: 'PN-1',
        gross: 125000,
        tax: 25000,
        currency: 'DKK',
        covered: true,
        rules: ['SR-5', 'SR-10'],
      },
    ],
    reasons: ['SR-5', 'SR-10', 'SR-9'],
    ...over,
  },
});

/** A booking as written before bookings carried their decision: lines only. */
export const legacySettlementBooked = (
  over: Partial<DataOf<'SettlementBooked'>> = {},
): EventOf<'SettlementBooked'> => {
  const { orderId, bookedAt, lines } = settlementBooked(over).data;
  return { type: 'SettlementBooked', data: { orderId, bookedAt, lines } };
};

export const reportShipment = (
  over: Partial<CommandOf<'ReportShipment'>['data']> = {},
): CommandOf<'ReportShipment'> => ({
  type: 'ReportShipment',
  data: {
    orderId: ORDER_ID,
    carrier: 'PostNord',
    trackingNumber: 'PN-1',
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt: '2026-03-02T12:00:00Z',
    ...over,
  },
});

/** Given these events, when this command: the events decided, or the refusal. */
export const given =
  (...history: Event[]) =>
  (command: Command, policy?: PolicyOverride): E.Either<DomainError, Event[]> =>
    decide(command, fold(history), policy);

/** The error code of a refusal, or 'accepted'. */
export const outcomeCode = (result: E.Either<DomainError, Event[]>): string =>
  E.isLeft(result) ? result.left.code : 'accepted';
