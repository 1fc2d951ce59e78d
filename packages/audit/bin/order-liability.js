#!/usr/bin/env node
// The `order-liability` command: a committed shim, so that package managers can link the bin
// before the TypeScript is built; the command itself is dist/cli.js (`node dist/cli.js` works too).
require('../dist/cli.js');
