// Start-up benchmark (issue 15): how long `order-liability --help` and `--version` take as a
// process, against `node -e 0` (Node starting and doing nothing, the floor), sides alternated
// in one run, a warm-up round dropped. The command line loads its commands, adapters and
// database clients only when a command runs (packages/audit/src/cli/load-on-use.ts); the bin
// runs one bundle of the start-up path with the V8 code cache the build wrote
// (packages/audit/scripts/bundle-cli.mjs), and the bench says whether this Node took it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { alternate, type Spread, showSpread, spreadOf } from './rounds';
import type { BenchPart } from './section';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'packages/audit/bin/order-liability.js');
const RUNNER = join(ROOT, 'packages/audit/dist/cli/code-cache.js');
const BUNDLE = join(ROOT, 'packages/audit/dist/cli/main.js');

/** Runs `node` with these arguments to its end; resolves with its stdout, fails on a non-zero exit. */
const node = (args: readonly string[]): Promise<string> =>
  new Promise((done, fail) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        if (error === null) done(stdout);
        else fail(new Error(`node ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      },
    );
  });

// Runs the bundle as `order-liability --version` does, then prints on a line of its own
// whether V8 took the code cache (without it, start-up compiles as before).
const PROBE = `
  const script = require(${JSON.stringify(RUNNER)}).runWithCodeCache(${JSON.stringify(BUNDLE)});
  process.on('exit', () => console.log(script.cachedDataRejected === false ? 'taken' : 'not taken'));
`;

const ms = (spread: Spread): string =>
  showSpread({ min: spread.min * 1000, median: spread.median * 1000, max: spread.max * 1000 }, 1);

export const runStartupBench: BenchPart = async ({ quick, log }) => {
  if (!existsSync(BUNDLE))
    throw new Error('the startup benchmark runs the built command line: run `pnpm -s build` first');
  const rounds = quick ? 15 : 40;
  const cache = (await node(['-e', PROBE, 'x', '--version'])).trim().split('\n').pop();
  log(
    `startup: order-liability --help and --version against node -e 0, ${rounds} rounds (code cache ${cache ?? 'unknown'})`,
  );
  const times = await alternate(
    {
      'node -e 0': () => node(['-e', '0']),
      'order-liability --help': () => node([BIN, '--help']),
      'order-liability --version': () => node([BIN, '--version']),
    },
    rounds,
  );
  const spreads = Object.fromEntries(
    Object.entries(times).map(([name, rounds]) => [name, spreadOf(rounds)]),
  );
  const floor = spreads['node -e 0']?.median ?? Number.NaN;
  const ratioOf = (name: string): number => (spreads[name]?.median ?? Number.NaN) / floor;
  for (const [name, spread] of Object.entries(spreads))
    log(`  ${name.padEnd(26)} ${ms(spread)} ms`);
  const help = ratioOf('order-liability --help');
  const version = ratioOf('order-liability --version');
  const figures = {
    'node -e 0 median ms': Number((floor * 1000).toFixed(1)),
    '--help median ms': Number(
      ((spreads['order-liability --help']?.median ?? 0) * 1000).toFixed(1),
    ),
    '--version median ms': Number(
      ((spreads['order-liability --version']?.median ?? 0) * 1000).toFixed(1),
    ),
    '--help/node time ratio': Number(help.toFixed(3)),
    '--version/node time ratio': Number(version.toFixed(3)),
    'code cache taken (1 yes, 0 no)': cache === 'taken' ? 1 : 0,
  };
  return {
    name: 'startup',
    figures,
    rounds: times,
    ratio: `startup order-liability --help/node -e 0 time ratio: ${help.toFixed(2)}, --version: ${version.toFixed(2)} (target <= 1.3)`,
  };
};
