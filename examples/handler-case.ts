// `pnpm example handler-case`: a whole case run through the command handler on the in-memory
// store: stop request, shipment with PostNord, dispute, fraud, settlement. Prints the stream
// as stored and the decision.
import { handle, InMemoryEventStore, orderStreamName } from '@order-liability/store';
import { caseSteps, logDecision, runCaseSteps } from './store-case';

const ORDER_ID = 'DK-2026-0042';

/** Runs the case and prints each step, the stream as stored and the final decision through `log`. */
export const runHandlerCase = async (log: (line: string) => void): Promise<void> => {
  const store = new InMemoryEventStore();
  const streamName = orderStreamName(ORDER_ID);
  try {
    log(`== Order ${ORDER_ID} through handle() on the in-memory store ==`);
    const decision = await runCaseSteps(store, ORDER_ID, log);

    // The merchant's browser sends the stop form twice: the second submission records nothing.
    const [, shipment] = caseSteps(ORDER_ID);
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
    logDecision('Decision', decision, log);
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
