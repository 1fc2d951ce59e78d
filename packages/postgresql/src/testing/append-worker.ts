import { createInterface } from 'node:readline';
import { isEventStoreError } from '@order-liability/store';
import { PostgreSQLEventStore } from '../postgresql-event-store';
import { informationRequested, stopRequested } from './case-fixtures';

/**
 * One of the writers of the two-process test (run with tsx). Arguments: connection string,
 * schema, order id, writer name, revisions. Waits for the line `go`, then tries to write each
 * revision 0…n-1 of `order-<id>` once, expecting the revision before it, and prints one JSON
 * line `{ won: [...], lost: [...] }`.
 */
const main = async (): Promise<void> => {
  const [connectionString, schema, orderId, writer, revisions] = process.argv.slice(2);
  if (
    connectionString === undefined ||
    schema === undefined ||
    orderId === undefined ||
    writer === undefined ||
    revisions === undefined
  )
    throw new Error(
      'usage: append-worker <connection string> <schema> <order id> <writer> <revisions>',
    );
  const store = new PostgreSQLEventStore(connectionString, { schema, poolSize: 1 });
  // Connect before the start signal, so the two writers start on equal terms (migrate is
  // idempotent: here it only opens the connection).
  await store.migrate();
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin }))
    if (line.trim() === 'go') break;
  const won: number[] = [];
  const lost: number[] = [];
  for (let revision = 0; revision < Number(revisions); revision += 1) {
    const event =
      revision === 0
        ? stopRequested(orderId)
        : informationRequested(orderId, `${writer} ${revision}`);
    try {
      await store.appendToStream(`order-${orderId}`, [event], {
        expectedRevision: revision === 0 ? 'no-stream' : BigInt(revision - 1),
      });
      won.push(revision);
    } catch (error) {
      if (!isEventStoreError(error) || error.code !== 'WRONG_EXPECTED_VERSION') throw error;
      lost.push(revision);
    }
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ won, lost })}\n`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
