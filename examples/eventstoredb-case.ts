// A whole case through the command handler on EventStoreDB: stop request, shipment with
// PostNord, dispute, fraud, settlement, with a catch-up projection of decisions alongside.
// Uses the server EVENTSTORE_CONNECTION_STRING names when it is set, and the in-repo protocol
// test double (not a database) otherwise; the first line says which.
//   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx tsx examples/eventstoredb-case.ts
import { EventStoreDBEventStore, subscribeToOrders } from '@order-liability/eventstoredb';
import {
  startEventStoreDBTestServer,
  type EventStoreDBTestServer,
} from '@order-liability/eventstoredb/testing';
import { orderStreamName } from '@order-liability/store';
import { logDecision, runCaseSteps } from './store-case';

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
    await runCaseSteps(store, orderId, log);

    log('Stream as stored (revision, position, type):');
    for await (const event of store.readStream(orderStreamName(orderId)))
      log(
        `  ${String(event.revision).padStart(2)}  ${`${event.position.commit}/${event.position.prepare}`.padEnd(13)} ${event.type}`,
      );

    await projection.caughtUp;
    const decision = projection.decisionOf(orderId);
    if (decision === undefined) return;
    logDecision('Projection from $all', decision, log);
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
