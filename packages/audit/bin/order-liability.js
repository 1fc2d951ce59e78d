#!/usr/bin/env node
// The `order-liability` command: a committed shim, so that package managers can link the bin
// before the TypeScript is built. The command is dist/cli/main.js, dist/cli.js bundled with
// the wiring and commander for a quick start and run with V8's code cache
// (scripts/bundle-cli.mjs); `node dist/cli.js` runs the same program from the unbundled files.
const { runWithCodeCache } = require('../dist/cli/code-cache.js');

runWithCodeCache(require.resolve('../dist/cli/main.js'));
