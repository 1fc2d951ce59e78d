// The FAQ's paths as command sequences (the rules: docs/rules.md). Order 4711:
// 1.250,00 DKK including 250,00 DKK VAT; stop requested 2 March 2026 09:00 UTC.
import type { Command } from '@order-liability/domain';

const orderId = '4711';
const requestStop = (purchaseKind: 'goods' | 'service' = 'goods'): Command => ({
  type: 'RequestStop',
  data: {
    orderId,
    merchantId: 'merchant-1',
    purchaseKind,
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
    riskNotes: ['address linked to earlier fraud'],
  },
});
const shipment = (
  carrier: string,
  trackingNumber: string,
  more: { amount?: number; taxAmount?: number } = {},
): Command => ({
  type: 'ReportShipment',
  data: {
    orderId,
    carrier,
    trackingNumber,
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt: '2026-03-02T12:00:00Z',
    ...more,
  },
});
const dispute: Command = {
  type: 'RecordDispute',
  data: { orderId, disputedAt: '2026-03-20T08:00:00Z' },
};
const fraud: Command = {
  type: 'ConcludeInvestigation',
  data: { orderId, concludedAt: '2026-04-01T08:00:00Z', outcome: 'fraud' },
};
const book: Command = {
  type: 'BookSettlement',
  data: { orderId, bookedAt: '2026-04-02T08:00:00Z' },
};

export interface FaqCase {
  readonly title: string;
  readonly commands: readonly Command[];
}

export const faqCases: Readonly<Record<string, FaqCase>> = {
  'stopped-in-time': {
    title: 'Stopped in time (SR-3)',
    commands: [
      requestStop(),
      {
        type: 'ConfirmStopped',
        data: { orderId, stoppedAt: '2026-03-02T10:00:00Z', method: 'invoice-removed' },
      },
    ],
  },
  'shipped-postnord': {
    title: 'Shipped with PostNord: Klarna recalls, fraud confirmed (SR-5, SR-9)',
    commands: [requestStop(), shipment('PostNord', 'PN-1'), dispute, fraud, book],
  },
  'shipped-other-carrier': {
    title: 'Shipped with another carrier: the merchant recalls (SR-5)',
    commands: [requestStop(), shipment('Bring', 'BR-3'), dispute],
  },
  'shipped-without-tracking': {
    title: 'Shipped without a tracking number: liability leaves Klarna (SR-6, SR-9)',
    commands: [requestStop(), shipment('Bring', ''), dispute, fraud, book],
  },
  'service-not-interruptible': {
    title: 'A service that cannot be interrupted (SR-4, A-1)',
    commands: [
      requestStop('service'),
      {
        type: 'ReportServiceNotInterruptible',
        data: { orderId, reportedAt: '2026-03-02T11:00:00Z' },
      },
      dispute,
      fraud,
      book,
    ],
  },
  'split-parcels': {
    title: 'Two parcels, one without tracking: split liability (SR-6, SR-9, SR-10)',
    commands: [
      requestStop(),
      shipment('PostNord', 'PN-1', { amount: 75000, taxAmount: 15000 }),
      shipment('GLS', '', { amount: 50000, taxAmount: 10000 }),
      dispute,
      fraud,
      book,
    ],
  },
  'returned-parcel': {
    title: 'The parcel came back (SR-8)',
    commands: [
      requestStop(),
      shipment('Schenker Privpak', 'SP-9'),
      {
        type: 'RegisterReturn',
        data: {
          orderId,
          trackingNumber: 'SP-9',
          returnedAt: '2026-03-06T10:00:00Z',
          registeredIn: 'klarna-portal',
        },
      },
    ],
  },
};
