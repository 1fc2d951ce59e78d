// Runs the protocol test double in a process of its own and prints its port: the double is
// built on @eventstore/db-client's generated protobuf classes, which must not share a process
// with @kurrent/kurrentdb-client's (both register the same global names). Stops when stdin ends.
import { startEventStoreDBTestServer } from '../test-server/server';

void startEventStoreDBTestServer().then((server) => {
  process.stdout.write(`${server.port}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void server.stop().then(() => process.exit(0));
  });
});
