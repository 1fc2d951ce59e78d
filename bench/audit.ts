// Audit benchmark (issue 7): a generated export of 1,000,000 events (--quick: 100,000) written
// to a temporary file, then, each in a child process of its own so its peak RSS is its own:
//   bare   — readline + JSON.parse per line, nothing else (the floor for any reader);
//   decode — the same plus the domain's decodeEvent (where the codecs' cost shows);
//   audit  — auditFile end to end: read, parse, decode, fold, assess, compare, JSON report.
// The audit runs as the command line does (partitions chosen by the file's size). Figures,
// not assertions: the machine is shared, so absolute rates move between runs.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateExport, partitionsForSize, writeLines } from '@order-liability/audit';
import { runChild } from './child-figures';
import type { BenchPart } from './section';

// The generator's mix of cases averages about 8.65 events an order.
const EVENTS_PER_ORDER = 8.65;

const ROOT = resolve(__dirname, '..');
const AUDIT_DIST = join(ROOT, 'packages/audit/dist/index.js');
const DOMAIN_DIST = join(ROOT, 'packages/domain/dist/index.js');

// Each child prints one JSON line: how many it read, how long it took, its own peak RSS.
const READ_LINES = `
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');
const lines = (file) => createInterface({ input: createReadStream(file), crlfDelay: Infinity });
const report = (count, start) => process.stdout.write(JSON.stringify({
  count, seconds: Number(process.hrtime.bigint() - start) / 1e9,
  peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n');
`;

const scripts = {
  bare: `${READ_LINES}
(async () => { const start = process.hrtime.bigint(); let count = 0;
  for await (const line of lines(process.argv[1])) { JSON.parse(line); count += 1; }
  report(count, start); })();`,
  decode: `${READ_LINES}
const { decodeEvent } = require(${JSON.stringify(DOMAIN_DIST)});
(async () => { const start = process.hrtime.bigint(); let count = 0;
  for await (const line of lines(process.argv[1])) {
    const record = JSON.parse(line);
    if (decodeEvent({ type: record.type, data: record.data })._tag === 'Right') count += 1; }
  report(count, start); })();`,
  audit: `${READ_LINES}
const { auditFile, formatJson } = require(${JSON.stringify(AUDIT_DIST)});
(async () => { const start = process.hrtime.bigint();
  const { report: audited } = await auditFile(process.argv[1]);
  formatJson(audited);
  report(audited.summary.events, start); })();`,
};

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

export const runAuditBench: BenchPart = async ({ quick, log }) => {
  if (!existsSync(AUDIT_DIST) || !existsSync(DOMAIN_DIST))
    throw new Error('the audit benchmark runs the built packages: run `pnpm -s build` first');
  const target = quick ? 100_000 : 1_000_000;
  const orders = Math.round(target / EVENTS_PER_ORDER);
  const dir = await mkdtemp(join(tmpdir(), 'audit-bench-'));
  try {
    const file = join(dir, 'events.jsonl');
    const events = await writeLines(file, generateExport({ orders, seed: 7 }));
    const bytes = (await stat(file)).size;
    log(
      `audit: ${events.toLocaleString('en')} events over ${orders.toLocaleString('en')} orders, ${round(bytes / 1e6)} MB`,
    );
    const bare = await runChild(scripts.bare, [file]);
    const decode = await runChild(scripts.decode, [file]);
    const audit = await runChild(scripts.audit, [file]);
    if (bare.count !== events || decode.count !== events || audit.count !== events)
      throw new Error(
        `the passes read ${bare.count}, ${decode.count} and ${audit.count} of ${events} events`,
      );
    const ratio = audit.seconds / bare.seconds;
    const figures = {
      events,
      orders,
      'file MB': round(bytes / 1e6, 1),
      partitions: partitionsForSize(bytes, false),
      'bare JSON.parse lines/s': round(events / bare.seconds),
      'parse+decode events/s': round(events / decode.seconds),
      'audit events/s': round(events / audit.seconds),
      'audit/bare time ratio': round(ratio, 3),
      'audit peak RSS MB': round(audit.peakRssMb, 1),
      'bare peak RSS MB': round(bare.peakRssMb, 1),
    };
    for (const [name, value] of Object.entries(figures))
      log(`  ${name}: ${value.toLocaleString('en')}`);
    return {
      name: 'audit',
      figures,
      ratio: `audit/JSON.parse time ratio: ${ratio.toFixed(2)} (target <= 1.5); audit peak RSS ${Math.round(audit.peakRssMb)} MB (target <= 256)`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
