// Audit benchmark (issues 7 and 15): generated exports written to temporary files, plain and
// gzip, then three sides alternated round by round (bench/rounds.ts), each round in a child
// process of its own so its peak RSS is its own:
//   floor   — readline + JSON.parse per line, nothing else (gunzip first for gzip): the floor
//             for any reader of the export;
//   audit   — auditFile on one core (`workers: 1`), after boundHeapGrowth() as the command
//             line does: read, parse, decode, fold, assess, compare, JSON report;
//   workers — auditFile with one worker thread per core (os.availableParallelism()).
// At the plain sizes up to 1M, two reference sides (bench/audit-reference.ts) show how low an
// audit that checks what it reads can go: `validate` (floor + decodeEvent) and `reduce` (validate + each order's state
// changed in place by a plain mutable reducer). They hold every order (no bound), so they run
// only where that stays well inside memory, and not in --quick (each starts through tsx, which
// would take the whole quick run past a minute).
// Full: 100k, 1M and 3M events; --quick: 30k. Figures, not assertions: the machine is
// shared, so absolute rates move between runs; the ratios of medians are what is judged.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateExport, writeLines } from '@order-liability/audit';
import { type ChildFigures, runChild, runTypeScriptChild } from './child-figures';
import { alternate, showSpread, spreadOf } from './rounds';
import type { BenchPart } from './section';

// The generator's mix of cases averages about 8.65 events an order.
const EVENTS_PER_ORDER = 8.65;

const ROOT = resolve(__dirname, '..');
const AUDIT_DIST = join(ROOT, 'packages/audit/dist/index.js');
const REFERENCE = join(__dirname, 'audit-reference.ts');

// Each child prints one JSON line: how many it read, how long it took, its own peak RSS.
const REPORT = `
const report = (count, start) => process.stdout.write(JSON.stringify({
  count, seconds: Number(process.hrtime.bigint() - start) / 1e9,
  peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n');
`;

const scripts = {
  floor: `${REPORT}
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');
const { createGunzip } = require('node:zlib');
(async () => { const start = process.hrtime.bigint(); let count = 0;
  const file = process.argv[1];
  const bytes = createReadStream(file);
  const input = file.endsWith('.gz') ? bytes.pipe(createGunzip()) : bytes;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    JSON.parse(line); count += 1; }
  report(count, start); })();`,
  audit: `${REPORT}
const { auditFile, boundHeapGrowth, formatJson } = require(${JSON.stringify(AUDIT_DIST)});
// As the command line does before an audit.
boundHeapGrowth();
(async () => { const start = process.hrtime.bigint();
  const { report: audited } = await auditFile(process.argv[1], { workers: Number(process.argv[2]) });
  formatJson(audited);
  report(audited.summary.events, start); })();`,
};

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

interface Workload {
  readonly events: number;
  readonly gzip: boolean;
  readonly rounds: number;
  /** Also run the reference sides `validate` and `reduce`. */
  readonly references?: boolean;
}

const FULL: readonly Workload[] = [
  { events: 100_000, gzip: false, rounds: 5, references: true },
  { events: 100_000, gzip: true, rounds: 5 },
  { events: 1_000_000, gzip: false, rounds: 5, references: true },
  { events: 1_000_000, gzip: true, rounds: 5 },
  { events: 3_000_000, gzip: false, rounds: 5 },
  { events: 3_000_000, gzip: true, rounds: 5 },
];
// Small enough that the three sides, six rounds each, plain and gzip, stay near 15 s.
const QUICK: readonly Workload[] = [
  { events: 30_000, gzip: false, rounds: 5 },
  { events: 30_000, gzip: true, rounds: 5 },
];

const SIDES = ['floor', 'audit', 'workers', 'validate', 'reduce'] as const;
type Side = (typeof SIDES)[number];

const labelOf = (workload: Workload): string =>
  `${workload.events >= 1e6 ? `${workload.events / 1e6}M` : `${workload.events / 1e3}k`} ${workload.gzip ? 'gzip' : 'plain'}`;

export const runAuditBench: BenchPart = async ({ quick, log }) => {
  if (!existsSync(AUDIT_DIST))
    throw new Error('the audit benchmark runs the built packages: run `pnpm -s build` first');
  const cores = availableParallelism();
  const dir = await mkdtemp(join(tmpdir(), 'audit-bench-'));
  const figures: Record<string, number> = { cores };
  const rounds: Record<string, number[]> = {};
  const ratios: string[] = [];
  try {
    for (const workload of quick ? QUICK : FULL) {
      const label = labelOf(workload);
      const orders = Math.round(workload.events / EVENTS_PER_ORDER);
      const file = join(dir, `events-${workload.events}.jsonl${workload.gzip ? '.gz' : ''}`);
      const events = await writeLines(file, generateExport({ orders, seed: 7 }));
      const bytes = (await stat(file)).size;
      log(
        `audit ${label}: ${events.toLocaleString('en')} events over ${orders.toLocaleString('en')} orders, ${round(bytes / 1e6, 1)} MB`,
      );
      const sides = SIDES.filter(
        (side) => workload.references === true || (side !== 'validate' && side !== 'reduce'),
      );
      const seen: Record<Side, ChildFigures[]> = {
        floor: [],
        audit: [],
        workers: [],
        validate: [],
        reduce: [],
      };
      const childOf = (side: Side): Promise<ChildFigures> => {
        switch (side) {
          case 'floor':
            return runChild(scripts.floor, [file]);
          case 'audit':
            return runChild(scripts.audit, [file, '1']);
          case 'workers':
            return runChild(scripts.audit, [file, String(cores)]);
          case 'validate':
          case 'reduce':
            return runTypeScriptChild(REFERENCE, [side, file]);
        }
      };
      const run = async (side: Side): Promise<void> => {
        const figures = await childOf(side);
        if (figures.count !== events)
          throw new Error(`${side} read ${figures.count} of ${events} events (${label})`);
        seen[side].push(figures);
      };
      await alternate(
        Object.fromEntries(sides.map((side) => [side, () => run(side)])),
        workload.rounds,
      );
      const spreads = Object.fromEntries(
        sides.map((side) => {
          // The warm-up round is dropped, as alternate drops it from its own times.
          const kept = seen[side].slice(1);
          rounds[`${label} ${side} s`] = kept.map((f) => round(f.seconds, 4));
          rounds[`${label} ${side} peak RSS MB`] = kept.map((f) => round(f.peakRssMb, 1));
          return [
            side,
            {
              time: spreadOf(kept.map((f) => f.seconds)),
              rss: spreadOf(kept.map((f) => f.peakRssMb)),
            },
          ];
        }),
      );
      const floor = spreads['floor'];
      const audit = spreads['audit'];
      const workers = spreads['workers'];
      if (floor === undefined || audit === undefined || workers === undefined) continue;
      const auditRatio = audit.time.median / floor.time.median;
      const workersRatio = workers.time.median / floor.time.median;
      const peak = Math.max(audit.rss.max, workers.rss.max);
      for (const side of sides) {
        const spread = spreads[side];
        if (spread === undefined) continue;
        log(`  ${side}: ${showSpread(spread.time)} s, peak RSS ${showSpread(spread.rss, 0)} MB`);
        figures[`${label} ${side} median s`] = round(spread.time.median, 4);
        figures[`${label} ${side} min s`] = round(spread.time.min, 4);
        figures[`${label} ${side} max s`] = round(spread.time.max, 4);
        figures[`${label} ${side} peak RSS MB`] = round(spread.rss.max, 1);
      }
      figures[`${label} audit/floor ratio`] = round(auditRatio, 3);
      figures[`${label} workers/floor ratio`] = round(workersRatio, 3);
      const line = `audit ${label}: audit/floor ${auditRatio.toFixed(2)} (target <= 1.5), workers(${cores})/floor ${workersRatio.toFixed(2)} (target < 1), peak RSS ${Math.round(peak)} MB (target <= 256)`;
      log(`  ${line}`);
      ratios.push(line);
      const validate = spreads['validate'];
      const reduce = spreads['reduce'];
      if (validate !== undefined && reduce !== undefined) {
        const validateRatio = validate.time.median / floor.time.median;
        const reduceRatio = reduce.time.median / floor.time.median;
        const auditReduceRatio = audit.time.median / reduce.time.median;
        figures[`${label} validate/floor ratio`] = round(validateRatio, 3);
        figures[`${label} reduce/floor ratio`] = round(reduceRatio, 3);
        figures[`${label} audit/reduce ratio`] = round(auditReduceRatio, 3);
        const reference = `audit ${label} references: validate/floor ${validateRatio.toFixed(2)}, reduce/floor ${reduceRatio.toFixed(2)} (checking each record and keeping each order's state, written plainly), audit/reduce ${auditReduceRatio.toFixed(2)}`;
        log(`  ${reference}`);
        ratios.push(reference);
      }
      await rm(file, { force: true });
    }
    return { name: 'audit', figures, ratio: ratios.join('\n'), rounds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
