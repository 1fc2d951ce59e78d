// The EventStoreDB protocol test double hosted in a child process of its own (the built
// testing entry), so that the double's work runs beside the benchmark, not on its event loop:
// what the bench times is the client side alone, as against a real server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TESTING_DIST = join(resolve(__dirname, '..'), 'packages/eventstoredb/dist/testing/index.js');

// Prints the connection string, then serves until its stdin ends.
const SCRIPT = `
const { startEventStoreDBTestServer } = require(${JSON.stringify(TESTING_DIST)});
startEventStoreDBTestServer().then((server) => {
  process.stdout.write(server.connectionString + '\\n');
  process.stdin.resume();
  process.stdin.on('end', () => server.stop().then(() => process.exit(0)));
});
`;

export interface DoubleProcess {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Starts the double in a child process; resolves once it listens. */
export const startDoubleProcess = (): Promise<DoubleProcess> => {
  if (!existsSync(TESTING_DIST))
    throw new Error('the eventstoredb benchmark runs the built double: run `pnpm -s build` first');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', SCRIPT], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const exited = new Promise<void>((ended) =>
      child.once('exit', () => {
        ended();
      }),
    );
    child.once('error', fail);
    child.once('exit', (code) => {
      fail(new Error(`the protocol double exited with ${String(code)} before it listened`));
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = /^(esdb:\/\/\S+)\n/.exec(output);
      if (line?.[1] === undefined) return;
      done({
        connectionString: line[1],
        stop: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
};
