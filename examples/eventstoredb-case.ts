// A whole case through the command handler on EventStoreDB: stop request, shipment with
// PostNord, dispute, fraud, settlement, with a catch-up projection of decisions alongside.
// Uses the server EVENTSTORE_CONNECTION_STRING names when it is set, and the in-repo protocol
// test double (not a database) otherwise; the first line says which.
//   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx tsx examples/eventstoredb-case.ts
import { type Command, formatAmount } from '@order-liability/domain';
import {
  EventStoreDBEventStore,
  startEventStoreDBTestServer,
  subscribeToOrders,
  type EventStoreDBTestServer,
} from '@order-liability/eventstoredb';
import { handle, orderStreamName } from '@order-liability/store';

const steps = (
  orderId: string,
): readonly { readonly command: Command; readonly submissionId: string }[] => [
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

/** Runs the case on EventStoreDB (or the protocol test double) and prints it through `log`. */
export const runEventStoreDBCase = async (log: (line: string) => void): Promise<void> => {
  const given = process.env['EVENTSTORE_CONNECTION_STRING'];
  let server: EventStoreDBTestServer | undefined;
  let connectionString: string;
  let orderId: string;
  if (given !== undefined && given !== '') {
    connectionString = given;
    // A real server keeps earlier runs' cases: give this run its own order.
    orderId = `DK-2026-0042-${Date.now().toString(36)}`;
    log(`Using the EventStoreDB server at ${given} (EVENTSTORE_CONNECTION_STRING).`);
  } else {
    server = await startEventStoreDBTestServer();
    connectionString = server.connectionString;
    orderId = 'DK-2026-0042';
    log(
      `EVENTSTORE_CONNECTION_STRING is not set: using the in-repo protocol test double at ${connectionString} (not a database; nothing is kept).`,
    );
  }
  const store = new EventStoreDBEventStore(connectionString);
  const projection = subscribeToOrders(store);
  try {
    log(
      `== Order ${orderId} through handle() on EventStoreDB, stream ${orderStreamName(orderId)} ==`,
    );
    for (const { command, submissionId } of steps(orderId)) {
      const result = await handle(store, command, { idempotencyKey: submissionId });
      const appended = result.appended.map((event) => `${event.revision} ${event.type}`);
      log(
        `${command.type.padEnd(21)} -> appended ${appended.join(', ')}; now ${result.decision.status}, liability ${result.decision.liability}`,
      );
    }

    log('Stream as stored (revision, position, type):');
    for await (const event of store.readStream(orderStreamName(orderId)))
      log(
        `  ${String(event.revision).padStart(2)}  ${`${event.position.commit}/${event.position.prepare}`.padEnd(13)} ${event.type}`,
      );

    await projection.caughtUp;
    const decision = projection.decisionOf(orderId);
    if (decision === undefined) return;
    log(
      `Projection from $all: liability ${decision.liability}, status ${decision.status} (${decision.reasons.join(', ')})`,
    );
    for (const line of decision.settlementLines)
      log(`  ${line.label.padEnd(26)}${formatAmount(line.amount, line.currency).padStart(16)}`);
  } finally {
    await projection.stop();
    await store.close();
    await server?.stop();
  }
};

if (require.main === module)
  runEventStoreDBCase((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(
      `eventstoredb-case failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
