// `pnpm bench [--quick] [part...]`: runs the benchmark parts side by side, prints their figures,
// writes bench/results.json and prints every part's ratio as the last lines. The packages are
// built first only when a source changed since the last build (several parts run dist/).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../examples/ensure-built';
import { runAuditBench } from './audit';
import { runDomainBench } from './domain';
import { runEventStoreDBBench } from './eventstoredb';
import { runPeersBench } from './peers';
import { runPostgreSQLBench } from './postgresql';
import { runReconcileBench } from './reconcile';
import type { BenchPart, BenchSection } from './section';
import { runStartupBench } from './startup';

const parts: Readonly<Record<string, BenchPart>> = {
  domain: runDomainBench,
  eventstoredb: runEventStoreDBBench,
  postgresql: runPostgreSQLBench,
  audit: runAuditBench,
  reconcile: runReconcileBench,
  peers: runPeersBench,
  startup: runStartupBench,
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const chosen = args.filter((a) => !a.startsWith('--'));
  const unknown = chosen.filter((name) => !(name in parts));
  if (unknown.length > 0)
    throw new Error(
      `Unknown benchmark part ${unknown.join(', ')}; parts: ${Object.keys(parts).join(', ')}`,
    );
  const names = chosen.length > 0 ? chosen : Object.keys(parts);
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const sections: BenchSection[] = [];
  const started = process.hrtime.bigint();
  const secondsSince = (start: bigint): string =>
    (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);
  if (ensureBuilt(join(__dirname, '..'), log)) log(`  (build: ${secondsSince(started)} s)`);
  for (const name of names) {
    const part = parts[name];
    if (part === undefined) continue;
    const partStarted = process.hrtime.bigint();
    sections.push(await part({ quick, log }));
    log(`  (${name}: ${secondsSince(partStarted)} s)`);
  }
  const results = {
    quick,
    node: process.version,
    sections: Object.fromEntries(
      sections.map((s) => [
        s.name,
        { ...s.figures, ratio: s.ratio, ...(s.rounds === undefined ? {} : { rounds: s.rounds }) },
      ]),
    ),
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('results written to bench/results.json');
  log(sections.map((s) => s.ratio).join('\n'));
  // --quick is meant to finish in under a minute, all parts together.
  log(`total: ${secondsSince(started)} s${quick ? ' (--quick: target < 60 s)' : ''}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
