// `pnpm example handler-case`: a whole case run through the command handler on the in-memory
// store: stop request, shipment with PostNord, dispute, fraud, settlement. Prints the stream
// as stored and the decision.
import { type Command, type Decision, formatAmount } from '@order-liability/domain';
import { handle, InMemoryEventStore, orderStreamName } from '@order-liability/store';

const ORDER_ID = 'DK-2026-0042';

/** What the merchant's form and Klarna's case workers send, in order, with the submission id. */
const steps: readonly { readonly command: Command; readonly submissionId: string }[] = [
  {
    submissionId: 'risk-review-118',
    command: {
      type: 'RequestStop',
      data: {
        orderId: ORDER_ID,
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
    submissionId: 'stop-form-5521',
    command: {
      type: 'ReportShipment',
      data: {
        orderId: ORDER_ID,
        carrier: 'PostNord',
        trackingNumber: '00370712345678901234',
        shippedAt: '2026-03-01T15:00:00Z',
        reportedAt: '2026-03-02T12:00:00Z',
      },
    },
  },
  {
    submissionId: 'dispute-889',
    command: {
      type: 'RecordDispute',
      data: { orderId: ORDER_ID, disputedAt: '2026-03-10T08:30:00Z' },
    },
  },
  {
    submissionId: 'investigation-31',
    command: {
      type: 'ConcludeInvestigation',
      data: { orderId: ORDER_ID, concludedAt: '2026-03-20T10:00:00Z', outcome: 'fraud' },
    },
  },
  {
    submissionId: 'settlement-run-2026-03-21',
    command: {
      type: 'BookSettlement',
      data: { orderId: ORDER_ID, bookedAt: '2026-03-21T10:00:00Z' },
    },
  },
];

/** Runs the case and prints each step, the stream as stored and the final decision through `log`. */
export const runHandlerCase = async (log: (line: string) => void): Promise<void> => {
  const store = new InMemoryEventStore();
  const streamName = orderStreamName(ORDER_ID);
  try {
    log(`== Order ${ORDER_ID} through handle() on the in-memory store ==`);
    let decision: Decision | undefined;
    for (const { command, submissionId } of steps) {
      const result = await handle(store, command, {
        idempotencyKey: submissionId,
        correlationId: `case-${ORDER_ID}`,
      });
      decision = result.decision;
      const appended = result.appended.map((event) => `${event.revision} ${event.type}`);
      log(
        `${command.type.padEnd(21)} -> appended ${appended.join(', ')}; now ${decision.status}, liability ${decision.liability}`,
      );
    }

    // The merchant's browser sends the stop form twice: the second submission records nothing.
    const [, shipment] = steps;
    if (shipment !== undefined) {
      const again = await handle(store, shipment.command, {
        idempotencyKey: shipment.submissionId,
      });
      log(
        `${shipment.command.type} sent again as ${shipment.submissionId} -> duplicate: ${again.duplicate}, returns revisions ${again.appended.map((event) => event.revision).join(', ')} of the first submission`,
      );
    }

    log(`Stream ${streamName} (revision, type, data):`);
    for await (const event of store.readStream(streamName))
      log(
        `  ${String(event.revision).padStart(2)}  ${event.type.padEnd(23)} ${JSON.stringify(event.data)}`,
      );

    if (decision === undefined) return;
    log(
      `Decision: liability ${decision.liability}, status ${decision.status} (${decision.reasons.join(', ')})`,
    );
    for (const line of decision.settlementLines)
      log(`  ${line.label.padEnd(26)}${formatAmount(line.amount, line.currency).padStart(16)}`);
    for (const step of decision.nextSteps)
      log(`  next: ${step.actor}: ${step.action} [${step.rule}]`);
  } finally {
    await store.close();
  }
};

if (require.main === module)
  runHandlerCase((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(
      `handler-case failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
