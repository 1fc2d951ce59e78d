// `pnpm example postgresql-case` (or `tsx examples/postgresql-case.ts`): a whole case through
// the command handler on PostgreSQL: against POSTGRES_CONNECTION_STRING when it is set, on an
// embedded server started for the run otherwise. Prints which, each step, the stream as
// stored with its positions, and the decision kept by the order projection.
import { randomBytes } from 'node:crypto';
import { type Command, formatAmount } from '@order-liability/domain';
import {
  PostgreSQLEventStore,
  startEmbeddedPostgres,
  subscribeToOrders,
} from '@order-liability/postgresql';
import { handle, orderStreamName } from '@order-liability/store';

/** The schema the example writes to on a server of your own (left in place afterwards). */
const EXAMPLE_SCHEMA = 'order_liability_example';

const stepsFor = (orderId: string): readonly { command: Command; submissionId: string }[] => [
  {
    submissionId: 'risk-review-118',
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
      },
    },
  },
  {
    submissionId: 'stop-form-5521',
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
    submissionId: 'dispute-889',
    command: { type: 'RecordDispute', data: { orderId, disputedAt: '2026-03-10T08:30:00Z' } },
  },
  {
    submissionId: 'investigation-31',
    command: {
      type: 'ConcludeInvestigation',
      data: { orderId, concludedAt: '2026-03-20T10:00:00Z', outcome: 'fraud' },
    },
  },
  {
    submissionId: 'settlement-run-2026-03-21',
    command: { type: 'BookSettlement', data: { orderId, bookedAt: '2026-03-21T10:00:00Z' } },
  },
];

const runCase = async (
  store: PostgreSQLEventStore,
  orderId: string,
  log: (line: string) => void,
): Promise<void> => {
  const migration = await store.migrate();
  log(
    `schema "${migration.schema}" at version ${migration.version}${migration.applied.length > 0 ? ` (applied ${migration.applied.join(', ')})` : ' (up to date)'}`,
  );
  const projection = subscribeToOrders(store, { pollIntervalMs: 20 });
  try {
    for (const { command, submissionId } of stepsFor(orderId)) {
      const result = await handle(store, command, {
        idempotencyKey: submissionId,
        correlationId: `case-${orderId}`,
      });
      const appended = result.appended.map((event) => `${event.revision} ${event.type}`);
      log(
        `${command.type.padEnd(21)} -> appended ${appended.join(', ')}; now ${result.decision.status}, liability ${result.decision.liability}`,
      );
    }
    const streamName = orderStreamName(orderId);
    log(`Stream ${streamName} (revision, position as transaction id/sequence, type):`);
    for await (const event of store.readStream(streamName))
      log(
        `  ${String(event.revision).padStart(2)}  ${`${event.position.commit}/${event.position.prepare}`.padEnd(14)} ${event.type}`,
      );

    // The projection follows the global order; wait until it has seen the settlement.
    await projection.caughtUp;
    for (let waited = 0; projection.decisionOf(orderId)?.status !== 'settled'; waited += 20) {
      if (waited > 5_000) throw new Error('the projection did not see the settlement within 5 s');
      await new Promise((done) => setTimeout(done, 20));
    }
    const decision = projection.decisionOf(orderId);
    if (decision === undefined) return;
    log(
      `Projection (subscribeToOrders): liability ${decision.liability}, status ${decision.status} (${decision.reasons.join(', ')})`,
    );
    for (const line of decision.settlementLines)
      log(`  ${line.label.padEnd(26)}${formatAmount(line.amount, line.currency).padStart(16)}`);
  } finally {
    await projection.stop();
  }
};

/** Runs the case on POSTGRES_CONNECTION_STRING when set, else on an embedded server. */
export const runPostgreSQLCase = async (log: (line: string) => void): Promise<void> => {
  const given = process.env['POSTGRES_CONNECTION_STRING'];
  if (given !== undefined && given !== '') {
    // A server of yours may hold earlier runs: a fresh order id keeps each run's case apart.
    const orderId = `DK-2026-0042-${randomBytes(4).toString('hex')}`;
    log(
      `== Order ${orderId} on the PostgreSQL server of POSTGRES_CONNECTION_STRING, schema ${EXAMPLE_SCHEMA} ==`,
    );
    const store = new PostgreSQLEventStore(given, { schema: EXAMPLE_SCHEMA });
    try {
      await runCase(store, orderId, log);
    } finally {
      await store.close();
    }
    return;
  }
  log(
    '== Order DK-2026-0042 on an embedded PostgreSQL server (POSTGRES_CONNECTION_STRING is not set) ==',
  );
  const server = await startEmbeddedPostgres();
  const store = new PostgreSQLEventStore(server.connectionString);
  try {
    await runCase(store, 'DK-2026-0042', log);
  } finally {
    await store.close();
    await server.stop();
  }
};

if (require.main === module)
  runPostgreSQLCase((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(
      `postgresql-case failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
