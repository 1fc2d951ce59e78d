// Commands and events of one order's case for the adapter's tests: 1.250,00 DKK incl.
// 250,00 DKK VAT, stop requested 2026-03-02 09:00 UTC, shipped with PostNord the day before.
import type { Command } from '@order-liability/domain';
import type { NewEvent } from '@order-liability/store';

export const requestStop = (orderId: string): Command => ({
  type: 'RequestStop',
  data: {
    orderId,
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
  },
});

export const reportShipment = (orderId: string): Command => ({
  type: 'ReportShipment',
  data: {
    orderId,
    carrier: 'PostNord',
    trackingNumber: 'PN-1',
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt: '2026-03-02T12:00:00Z',
  },
});

export const recordDispute = (orderId: string): Command => ({
  type: 'RecordDispute',
  data: { orderId, disputedAt: '2026-03-10T08:30:00Z' },
});

export const requestInformation = (orderId: string, question: number): Command => ({
  type: 'RequestInformation',
  data: { orderId, requestedAt: '2026-03-11T09:00:00Z', topic: `question ${question}` },
});

export const concludeFraud = (orderId: string): Command => ({
  type: 'ConcludeInvestigation',
  data: { orderId, concludedAt: '2026-03-20T10:00:00Z', outcome: 'fraud' },
});

export const bookSettlement = (orderId: string): Command => ({
  type: 'BookSettlement',
  data: { orderId, bookedAt: '2026-03-21T10:00:00Z' },
});

/** The settlement lines of this case once fraud is confirmed and the parcel is covered (SR-9). */
export const coveredLines = [
  { kind: 'fraud-return', label: 'Returnering (bedrageri)', amount: -125000, currency: 'DKK' },
  { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 100000, currency: 'DKK' },
];

/** A StopRequested event for appending directly. */
export const stopRequested = (orderId: string): NewEvent => ({
  type: 'StopRequested',
  data: {
    orderId,
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
  },
});

/** An InformationRequested event whose topic tells events apart. */
export const informationRequested = (orderId: string, topic: string): NewEvent => ({
  type: 'InformationRequested',
  data: { orderId, requestedAt: '2026-03-11T09:00:00Z', topic },
});
