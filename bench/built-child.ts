// Bench sides that run in a process of their own on the packages' built dist/, the code users
// run. Through the repository's tsconfig.json `paths`, tsx would load each package's src/,
// where every call into another module goes through a getter: measured, that made fold 15–17%
// and the PostgreSQL read 10–15% slower than what ships, against peers and bare clients that
// run their published JavaScript.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type BenchOptions, type BenchPart, type BenchSection, isBenchSection } from './section';

const ROOT = resolve(__dirname, '..');

// tsx reading tsconfig.base.json, which has no `paths`: the packages load from dist/.
const BUILT_PACKAGES: NodeJS.ProcessEnv = {
  NODE_OPTIONS: '',
  TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'),
};

const LAST_LINES = 5;

/**
 * Runs a TypeScript file of the benchmarks through tsx, the packages from dist/, and resolves
 * with what it printed to stdout. Its stderr lines go to `log` when given; a failure rejects
 * with its last lines.
 */
export const runBuiltTypeScript = (
  file: string,
  args: readonly string[],
  log?: (line: string) => void,
): Promise<string> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...BUILT_PACKAGES },
    });
    let stdout = '';
    const lastLines: string[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      log?.(line);
      lastLines.push(line);
      if (lastLines.length > LAST_LINES) lastLines.shift();
    });
    child.once('error', fail);
    child.once('close', (code) => {
      if (code === 0) done(stdout);
      else fail(new Error(`${file} failed: ${lastLines.join(' / ') || `exit code ${code}`}`));
    });
  });

/** Runs `file` (which serves a part with `serveSection`) in a built child, as a part. */
export const runSectionInChild =
  (file: string): BenchPart =>
  async ({ quick, log }: BenchOptions): Promise<BenchSection> => {
    const stdout = await runBuiltTypeScript(file, quick ? ['--quick'] : [], log);
    const section: unknown = JSON.parse(stdout);
    if (!isBenchSection(section)) throw new Error(`${file} printed ${stdout.trim()}`);
    return section;
  };

/**
 * Runs `part` as the child of runSectionInChild: progress lines to stderr, the section as one
 * JSON line to stdout.
 */
export const serveSection = (part: BenchPart): void => {
  part({
    quick: process.argv.includes('--quick'),
    log: (line) => process.stderr.write(`${line}\n`),
  })
    .then((section) => {
      process.stdout.write(`${JSON.stringify(section)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    });
};
