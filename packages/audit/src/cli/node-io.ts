import type { CliIo } from './cli-io';
import { openStore } from './open-store';

/** The real process: stdout, stderr and the store adapters. */
export const nodeIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  openStore,
});
