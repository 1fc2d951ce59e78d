import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../port';

// Valid v1 events of one order, with fixed values so that read-backs compare exactly.

export const stopRequested = (orderId: string): NewEvent => ({
  type: 'StopRequested',
  data: {
    orderId,
    merchantId: 'merchant-7',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
    riskNotes: ['address linked to earlier fraud'],
  },
});

export const shippedWithTracking = (orderId: string, trackingNumber: string): NewEvent => ({
  type: 'ShippedWithTracking',
  data: {
    orderId,
    carrier: 'PostNord',
    trackingNumber,
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt: '2026-03-02T12:00:00Z',
  },
});

export const disputed = (orderId: string): NewEvent => ({
  type: 'Disputed',
  data: { orderId, disputedAt: '2026-03-10T08:30:00Z' },
});

export const informationRequested = (orderId: string, question: number): NewEvent => ({
  type: 'InformationRequested',
  data: { orderId, requestedAt: '2026-03-11T09:00:00Z', topic: `question ${question}` },
});

/** Metadata of a raw write: what a store itself would have written. */
export const rawMetadata = (schemaVersion = 1): Record<string, unknown> => ({
  eventId: randomUUID(),
  recordedAt: '2026-03-12T10:00:00.000Z',
  schemaVersion,
});
