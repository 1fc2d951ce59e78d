// The case the store examples run: what the merchant's form and Klarna's case workers send,
// in order, each with its submission id (the handler's idempotency key).
import type { Command, Decision } from '@order-liability/domain';
import { type EventStore, handle } from '@order-liability/store';
import { salesNote } from './print-case';

export interface CaseStep {
  readonly command: Command;
  readonly submissionId: string;
}

export const caseSteps = (orderId: string): readonly CaseStep[] => [
  {
    submissionId: `risk-review-${orderId}`,
    command: {
      type: 'RequestStop',
      data: {
        orderId,
        merchantId: 'merchant-7',
        purchaseKind: 'goods',
        currency: 'DKK',
        totalAmount: 125000,
        totalTaxAmount: 25000,
        requestedAt: '2026-03-02T09:00:00Z',
        riskNotes: ['delivery address linked to earlier fraud'],
      },
    },
  },
  {
    submissionId: `stop-form-${orderId}`,
    command: {
      type: 'ReportShipment',
      data: {
        orderId,
        carrier: 'PostNord',
        trackingNumber: '00370712345678901234',
        shippedAt: '2026-03-01T15:00:00Z',
        reportedAt: '2026-03-02T12:00:00Z',
      },
    },
  },
  {
    submissionId: `dispute-${orderId}`,
    command: { type: 'RecordDispute', data: { orderId, disputedAt: '2026-03-10T08:30:00Z' } },
  },
  {
    submissionId: `investigation-${orderId}`,
    command: {
      type: 'ConcludeInvestigation',
      data: { orderId, concludedAt: '2026-03-20T10:00:00Z', outcome: 'fraud' },
    },
  },
  {
    submissionId: `settlement-${orderId}`,
    command: { type: 'BookSettlement', data: { orderId, bookedAt: '2026-03-21T10:00:00Z' } },
  },
];

/** Sends every step through `handle`, printing what each appended; gives the last decision. */
export const runCaseSteps = async (
  store: EventStore,
  orderId: string,
  log: (line: string) => void,
): Promise<Decision | undefined> => {
  let decision: Decision | undefined;
  for (const { command, submissionId } of caseSteps(orderId)) {
    const result = await handle(store, command, {
      idempotencyKey: submissionId,
      correlationId: `case-${orderId}`,
    });
    decision = result.decision;
    const appended = result.appended.map((event) => `${event.revision} ${event.type}`);
    log(
      `${command.type.padEnd(21)} -> appended ${appended.join(', ')}; now ${decision.status}, liability ${decision.liability}`,
    );
  }
  return decision;
};

/** A decision's headline and its sales note lines. */
export const logDecision = (
  title: string,
  decision: Decision,
  log: (line: string) => void,
): void => {
  log(
    `${title}: liability ${decision.liability}, status ${decision.status} (${decision.reasons.join(', ')})`,
  );
  for (const line of salesNote(decision)) log(line);
};
