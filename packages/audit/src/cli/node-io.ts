import type { CliIo } from './cli-io';
import { loadOnUse } from './load-on-use';

/** The real process: stdout, stderr and the store adapters. */
export const nodeIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  // Loaded by the commands that open a store, not at start-up.
  openStore: (source) => loadOnUse('./open-store').openStore(source),
});
