// `pnpm example postgresql-case` (or `tsx examples/postgresql-case.ts`): a whole case through
// the command handler on PostgreSQL: against POSTGRES_CONNECTION_STRING when it is set, on an
// embedded server started for the run otherwise. Prints which, each step, the stream as
// stored with its positions, and the decision kept by the order projection.
import { randomBytes } from 'node:crypto';
import { PostgreSQLEventStore, subscribeToOrders } from '@order-liability/postgresql';
import { startEmbeddedPostgres } from '@order-liability/postgresql/testing';
import { orderStreamName } from '@order-liability/store';
import { logDecision, runCaseSteps } from './store-case';

/** The schema the example writes to on a server of your own (left in place afterwards). */
const EXAMPLE_SCHEMA = 'order_liability_example';

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
    await runCaseSteps(store, orderId, log);
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
    logDecision('Projection (subscribeToOrders)', decision, log);
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
