// Benchmarks that measure a side in a child process of its own, so its peak RSS is its own:
// the child prints one JSON line with how many it read, how long it took and its peak RSS.
import { execFile } from 'node:child_process';
import { runBuiltTypeScript } from './built-child';

export interface ChildFigures {
  readonly count: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  /** What a side found, where it reports that (the reconciliation). */
  readonly findings?: number;
}

const isFigures = (value: unknown): value is ChildFigures =>
  typeof value === 'object' &&
  value !== null &&
  'count' in value &&
  typeof value.count === 'number' &&
  'seconds' in value &&
  typeof value.seconds === 'number' &&
  'peakRssMb' in value &&
  typeof value.peakRssMb === 'number' &&
  (!('findings' in value) || typeof value.findings === 'number');

// Runs `node -e` with a script and arguments, and reads the figures the child prints.
const runNode = (nodeArgs: readonly string[]): Promise<ChildFigures> =>
  new Promise((done, fail) => {
    execFile(
      process.execPath,
      nodeArgs,
      { maxBuffer: 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        if (error !== null) {
          fail(new Error(`benchmark child failed: ${stderr.trim() || error.message}`));
          return;
        }
        const figures: unknown = JSON.parse(stdout);
        if (isFigures(figures)) done(figures);
        else fail(new Error(`benchmark child printed ${stdout.trim()}`));
      },
    );
  });

/** Runs `script` with `node -e` and these arguments, and reads the figures it prints. */
export const runChild = (script: string, args: readonly string[]): Promise<ChildFigures> =>
  runNode(['-e', script, ...args]);

/**
 * Runs a TypeScript file of the benchmarks (through tsx, the packages it imports from their
 * dist/) and reads the figures it prints.
 */
export const runTypeScriptChild = async (
  file: string,
  args: readonly string[],
): Promise<ChildFigures> => {
  const stdout = await runBuiltTypeScript(file, args);
  const figures: unknown = JSON.parse(stdout);
  if (!isFigures(figures)) throw new Error(`benchmark child printed ${stdout.trim()}`);
  return figures;
};
