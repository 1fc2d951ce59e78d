#!/usr/bin/env node
import { nodeIo } from './cli/node-io';
import { runCli } from './cli/run-cli';

// A reader that goes away (`| head`) is no error of ours: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  // exitCode, not exit(): pending writes to a piped stdout still get flushed.
  process.exitCode = code;
});
