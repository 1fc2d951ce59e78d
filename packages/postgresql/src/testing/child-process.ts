import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The repository's root, where tsconfig.json maps @order-liability/* to the sources. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** A TypeScript script of this package run in a Node process of its own (through tsx). */
export interface ChildScript {
  readonly process: ChildProcessWithoutNullStreams;
  /** The next line the script printed; rejects if it exits first. */
  readonly nextLine: () => Promise<string>;
  readonly send: (line: string) => void;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

export const runScript = (script: string, args: readonly string[]): ChildScript => {
  const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, join(__dirname, script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => {
      done(code);
    });
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    process: child,
    nextLine: async () => {
      const next = await lines.next();
      if (next.done === true) {
        const code = await exited;
        throw new Error(`${script} exited (${code}) before printing a line: ${errors}`);
      }
      return next.value;
    },
    send: (line) => {
      child.stdin.write(`${line}\n`);
    },
    exited,
  };
};
