// @ts-check
// The command line's start-up path in one file (issue 15): the entry dist/cli.js, the wiring
// it requires from dist/cli/ and commander become dist/cli/main.js, which the bin runs with
// V8's code cache (src/cli/code-cache.ts). Node then resolves, reads and compiles one module
// instead of about 20, and never walks the package folders for commander's files. What a
// command loads on use (load-on-use.ts) stays a `require` of the tsc output beside the bundle,
// so `./audit-command` resolves from dist/cli/ as before; every other package stays external,
// so the test that records what the bin loads (loaded-on-use.test.ts) still sees it.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import process from 'node:process';
import { build } from 'esbuild';

const MAIN = 'dist/cli/main.js';

/** @type {import('esbuild').Plugin} */
const onlyCommanderInside = {
  name: 'only-commander-inside',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path === 'commander' ? undefined : { path, external: true },
    );
  },
};

await build({
  entryPoints: ['dist/cli.js'],
  outfile: MAIN,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [onlyCommanderInside],
  logLevel: 'warning',
});

// The cache of the bundle just built, made by the Node that builds, without NODE_OPTIONS:
// V8 accepts a cache only from its own version and flags.
rmSync(`${MAIN}.cache`, { force: true });
execFileSync(process.execPath, ['scripts/write-code-cache.mjs', '--help'], {
  stdio: 'ignore',
  env: { ...process.env, NODE_OPTIONS: '' },
});
