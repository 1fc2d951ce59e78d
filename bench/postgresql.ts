// PostgreSQL benchmark (issues 6 and 15): the adapter against bare `pg` on an embedded server.
// The sides run in a process of their own (postgresql-sides.ts, which says what is measured) on
// built JavaScript, the adapter from dist/ as users run it; this part relays its progress lines
// and reads the section it prints.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import type { BenchPart, BenchSection } from './section';

const ROOT = resolve(__dirname, '..');
const SIDES = join(ROOT, 'bench/postgresql-sides.ts');

const isNumberRecord = (value: unknown, isEntry: (entry: unknown) => boolean): boolean =>
  typeof value === 'object' && value !== null && Object.values(value).every(isEntry);

const isSection = (value: unknown): value is BenchSection =>
  typeof value === 'object' &&
  value !== null &&
  'name' in value &&
  typeof value.name === 'string' &&
  'ratio' in value &&
  typeof value.ratio === 'string' &&
  'figures' in value &&
  isNumberRecord(value.figures, (figure) => typeof figure === 'number') &&
  'rounds' in value &&
  isNumberRecord(
    value.rounds,
    (rounds) => Array.isArray(rounds) && rounds.every((s) => typeof s === 'number'),
  );

export const runPostgreSQLBench: BenchPart = ({ quick, log }) =>
  new Promise((done, fail) => {
    // tsx reading tsconfig.base.json, which has no `paths`: the packages load from dist/.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SIDES, ...(quick ? ['--quick'] : [])],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'),
        },
      },
    );
    let stdout = '';
    const lastLines: string[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      log(line);
      lastLines.push(line);
      if (lastLines.length > 5) lastLines.shift();
    });
    child.once('error', fail);
    child.once('close', (code) => {
      if (code !== 0) {
        fail(new Error(`postgresql bench sides failed: ${lastLines.join(' / ')}`));
        return;
      }
      try {
        const section: unknown = JSON.parse(stdout);
        if (isSection(section)) done(section);
        else fail(new Error(`postgresql bench sides printed ${stdout.trim()}`));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });

if (require.main === module)
  runPostgreSQLBench({
    quick: process.argv.includes('--quick'),
    log: (line) => process.stdout.write(`${line}\n`),
  })
    .then((section) => {
      process.stdout.write(`${section.ratio}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    });
