import type { CliIo } from './cli-io';
import { EXIT_CLEAN } from './exit-codes';
import { packageVersion } from './package-version';
import type * as RunProgram from './run-program';
import { asksForVersionOnly } from './version-flags';

/**
 * The commander program, loaded when the line asks for more than the version. A literal
 * `require`, so that the bundler puts it into the start-up bundle (scripts/bundle-cli.mjs)
 * and runs it only when called.
 */
function loadProgram(): typeof RunProgram;
function loadProgram(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded: unknown = require('./run-program');
  return loaded;
}

/**
 * Runs the command line with `argv` (the arguments after the program name) and resolves
 * with the exit code. Never rejects: every failure is one line on stderr and exit 2.
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  // What commander prints for `--version` alone, without loading it.
  if (asksForVersionOnly(argv)) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_CLEAN;
  }
  return await loadProgram().runProgram(argv, io);
};
