import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface SeparateTestServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the protocol test double in a child process (see test-server-process.ts). */
export const startSeparateTestServer = (): Promise<SeparateTestServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'test-server-process.ts')],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const exited = new Promise<void>((done) => {
      child.once('exit', () => {
        done();
      });
    });
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`the test double exited with ${String(code)}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = /^(\d+)\n/.exec(output);
      if (line?.[1] === undefined) return;
      resolve({
        port: Number(line[1]),
        stop: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
