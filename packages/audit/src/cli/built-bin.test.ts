import { join, resolve } from 'node:path';
import { type NodeRun, runNode } from '../__fixtures__/run-node';

// The bin runs a bundle of the start-up path (scripts/bundle-cli.mjs) and prints the version
// without commander (run-cli.ts). Both must print byte for byte what the source program
// prints: each line runs as the built bin and as src/cli.ts through tsx, both child
// processes with piped output, so that help is wrapped at the same width.
const ROOT = resolve(__dirname, '../../../..');
const BIN = join(ROOT, 'packages/audit/bin/order-liability.js');
const SOURCE = join(ROOT, 'packages/audit/src/cli.ts');

const run = (args: readonly string[]): Promise<NodeRun> => runNode(args, ROOT);

describe('the built order-liability', () => {
  it.each([
    '--help',
    '-h',
    '--version',
    '-V',
    '--version audit',
    '--help --version',
    'audit --help',
    'reconcile --help',
    'help generate',
    '--bogus',
    'audit --format xml --input x.jsonl',
    '',
  ])(
    'given "%s", then it prints what the source program prints, with the same exit code',
    async (line) => {
      const args = line === '' ? [] : line.split(' ');

      const [built, source] = await Promise.all([
        run([BIN, ...args]),
        run(['--import', 'tsx', SOURCE, ...args]),
      ]);

      expect(built).toEqual(source);
    },
    30_000,
  );
});
