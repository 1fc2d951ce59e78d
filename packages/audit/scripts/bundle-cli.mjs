// @ts-check
// The command line's start-up path in one file (issue 15): the entry dist/cli.js, the wiring
// it requires from dist/cli/ and commander become dist/cli/main.js, which the bin runs. Node
// then resolves, reads and compiles one module instead of about 20, and never walks the
// package folders for commander's files. What a command loads on use (load-on-use.ts) stays
// a `require` of the tsc output beside the bundle, so `./audit-command` resolves from
// dist/cli/ as before; every other package stays external, so the test that records what the
// bin loads (loaded-on-use.test.ts) still sees it.
import { build } from 'esbuild';

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
  outfile: 'dist/cli/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [onlyCommanderInside],
  logLevel: 'warning',
});
