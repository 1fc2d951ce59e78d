// Commands of one order's case: 1.250,00 DKK incl. 250,00 DKK VAT, stop requested
// 2026-03-02 09:00 UTC, shipped with PostNord the day before.
import type { Command, CommandOf } from '@order-liability/domain';
import { isEventStoreError } from '../errors';
import type { EventStore } from '../port';

export const ORDER_ID = '4711';
export const STREAM = 'order-4711';

export const requestStop = (orderId = ORDER_ID): CommandOf<'RequestStop'> => ({
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

export const reportShipment = (reportedAt = '2026-03-02T12:00:00Z'): Command => ({
  type: 'ReportShipment',
  data: {
    orderId: ORDER_ID,
    carrier: 'PostNord',
    trackingNumber: 'PN-1',
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt,
  },
});

export const confirmStopped: Command = {
  type: 'ConfirmStopped',
  data: { orderId: ORDER_ID, stoppedAt: '2026-03-02T10:00:00Z', method: 'invoice-removed' },
};

export const recordDispute: Command = {
  type: 'RecordDispute',
  data: { orderId: ORDER_ID, disputedAt: '2026-03-10T08:30:00Z' },
};

export const requestInformation = (question: number): Command => ({
  type: 'RequestInformation',
  data: { orderId: ORDER_ID, requestedAt: '2026-03-11T09:00:00Z', topic: `question ${question}` },
});

export const concludeFraud: Command = {
  type: 'ConcludeInvestigation',
  data: { orderId: ORDER_ID, concludedAt: '2026-03-20T10:00:00Z', outcome: 'fraud' },
};

export const bookSettlement: Command = {
  type: 'BookSettlement',
  data: { orderId: ORDER_ID, bookedAt: '2026-03-21T10:00:00Z' },
};

/** The settlement lines of this case once fraud is confirmed and the parcel is covered (SR-9). */
export const coveredLines = [
  { kind: 'fraud-return', label: 'Returnering (bedrageri)', amount: -125000, currency: 'DKK' },
  { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 100000, currency: 'DKK' },
] as const;

/** A store that passes everything through and counts the appends refused as conflicts. */
export const countingConflicts = (store: EventStore) => {
  let conflicts = 0;
  let appends = 0;
  const counted: EventStore = {
    appendToStream: async (streamName, events, options) => {
      appends += 1;
      try {
        return await store.appendToStream(streamName, events, options);
      } catch (error) {
        if (isEventStoreError(error) && error.code === 'WRONG_EXPECTED_VERSION') conflicts += 1;
        throw error;
      }
    },
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    close: () => store.close(),
  };
  return { store: counted, conflicts: () => conflicts, appends: () => appends };
};
