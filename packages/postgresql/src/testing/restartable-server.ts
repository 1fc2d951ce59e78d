import { createServer } from 'node:net';
import { type ChildScript, runScript } from './child-process';

// A PostgreSQL server of a test's own, in a child process, so the shared test server stays up:
// it can be stopped and started again on the same data directory and port.

const PASSWORD = 'restartable-test';

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        done(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });

export const startServer = async (
  dataDirectory: string,
  port: number,
): Promise<{ child: ChildScript; url: string }> => {
  const child = runScript('embedded-server-process.ts', [dataDirectory, String(port), PASSWORD]);
  const ready: unknown = JSON.parse(await child.nextLine());
  const url: unknown =
    typeof ready === 'object' && ready !== null
      ? Reflect.get(ready, 'connectionString')
      : undefined;
  if (typeof url !== 'string') throw new Error('the server process printed no connection string');
  return { child, url };
};

export const stopServer = async (child: ChildScript): Promise<void> => {
  child.send('stop');
  const line = await child.nextLine();
  if (line !== 'stopped') throw new Error(`the server process said ${line} instead of stopped`);
  await child.exited;
};
