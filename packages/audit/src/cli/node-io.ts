import type { CliIo } from './cli-io';
import { loadOnUse } from './load-on-use';

/** The real process: stdin, stdout, stderr and the store adapters. */
export const nodeIo = (): CliIo => ({
  // Getters: Node builds each stdio stream on first use, a socket when it is a pipe; `--help`
  // never reads stdin or writes to stderr (start-up, issue 15).
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  // Loaded by the commands that open a store, not at start-up.
  openStore: (source) => loadOnUse('./open-store').openStore(source),
});
