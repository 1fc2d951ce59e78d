import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * A PostgreSQL server in a process of its own, for tests that stop and restart a server (run
 * with tsx). Arguments: data directory, port, password. Prints one JSON line
 * `{ "connectionString": … }` when ready; on the input line `stop` it stops the server
 * (keeping the data), prints `stopped` and exits.
 */
const main = async (): Promise<void> => {
  const [dataDirectory, port, password] = process.argv.slice(2);
  if (dataDirectory === undefined || port === undefined || password === undefined)
    throw new Error('usage: embedded-server-process <data directory> <port> <password>');
  const server = await startEmbeddedPostgres({ dataDirectory, port: Number(port), password });
  process.stdout.write(`${JSON.stringify({ connectionString: server.connectionString })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'stop') continue;
    await server.stop();
    process.stdout.write('stopped\n');
    break;
  }
  await server.stop();
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
