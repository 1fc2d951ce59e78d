import type { Command } from '@order-liability/domain';

/**
 * Commands of one case for tests: 1.250,00 DKK incl. 250,00 DKK VAT, stop requested on
 * 2026-03-02, shipped with PostNord before it, disputed and found fraudulent.
 */
export const caseCommands = (orderId: string) => ({
  requestStop: {
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
  } satisfies Command,
  confirmStopped: {
    type: 'ConfirmStopped',
    data: { orderId, stoppedAt: '2026-03-02T10:00:00Z', method: 'invoice-removed' },
  } satisfies Command,
  reportShipment: {
    type: 'ReportShipment',
    data: {
      orderId,
      carrier: 'PostNord',
      trackingNumber: 'PN-1',
      shippedAt: '2026-03-01T15:00:00Z',
      reportedAt: '2026-03-02T12:00:00Z',
    },
  } satisfies Command,
  recordDispute: {
    type: 'RecordDispute',
    data: { orderId, disputedAt: '2026-03-10T08:30:00Z' },
  } satisfies Command,
  requestInformation: (question: number) =>
    ({
      type: 'RequestInformation',
      data: { orderId, requestedAt: '2026-03-11T09:00:00Z', topic: `question ${question}` },
    }) satisfies Command,
  concludeFraud: {
    type: 'ConcludeInvestigation',
    data: { orderId, concludedAt: '2026-03-12T10:00:00Z', outcome: 'fraud' },
  } satisfies Command,
  bookSettlement: (clerk: number) =>
    ({
      type: 'BookSettlement',
      data: { orderId, bookedAt: `2026-03-13T10:${String(clerk % 60).padStart(2, '0')}:00Z` },
    }) satisfies Command,
});
