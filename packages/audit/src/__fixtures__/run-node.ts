import { execFile } from 'node:child_process';

/** How a child process ended: its exit code (-1 when it had none) and what it printed. */
export interface NodeRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node` with these arguments in `cwd`, as a child process with piped output, and
 * resolves however it ends. NODE_OPTIONS is cleared, so that what Jest sets does not reach it.
 */
export const runNode = (args: readonly string[], cwd: string): Promise<NodeRun> =>
  new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
