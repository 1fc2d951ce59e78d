import { CommanderError } from 'commander';
import { describeError } from '../audit-error';
import type { CliIo } from './cli-io';
import { EXIT_CLEAN, EXIT_ERROR } from './exit-codes';
import { buildProgram } from './program';

// commander's ways of ending well: help or version was asked for and printed.
const FINE = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/**
 * Parses `argv` with the commander program and runs the command it names; resolves with the
 * exit code. Never rejects: every failure is one line on stderr and exit 2.
 */
export const runProgram = async (argv: readonly string[], io: CliIo): Promise<number> => {
  let exitCode = EXIT_CLEAN;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // commander already printed its message (or the help).
    if (error instanceof CommanderError)
      return FINE.has(error.code) && error.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
    io.stderr.write(`order-liability: ${describeError(error)}\n`);
    return EXIT_ERROR;
  }
};
