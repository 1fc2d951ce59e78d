import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

// The bin runs a bundle of the start-up path (scripts/bundle-cli.mjs) and prints the version
// without commander (run-cli.ts). Both must print byte for byte what the source program
// prints: each line runs as the built bin and as src/cli.ts through tsx, both child
// processes with piped output, so that help is wrapped at the same width.
const ROOT = resolve(__dirname, '../../../..');
const BIN = join(ROOT, 'packages/audit/bin/order-liability.js');
const SOURCE = join(ROOT, 'packages/audit/src/cli.ts');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const run = (args: readonly string[]): Promise<Run> =>
  new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });

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
