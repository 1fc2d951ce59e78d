// `pnpm bench [--quick] [part...]`: runs the benchmark parts side by side, prints their figures,
// writes bench/results.json and prints every part's ratio as the last lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAuditBench } from './audit';
import { runDomainBench } from './domain';
import { runEventStoreDBBench } from './eventstoredb';
import { runPeersInMemoryBench } from './peers-in-memory';
import { runPostgreSQLBench } from './postgresql';
import { runReconcileBench } from './reconcile';
import type { BenchPart, BenchSection } from './section';

const parts: Readonly<Record<string, BenchPart>> = {
  domain: runDomainBench,
  eventstoredb: runEventStoreDBBench,
  postgresql: runPostgreSQLBench,
  audit: runAuditBench,
  reconcile: runReconcileBench,
  // The lead combines this with the PostgreSQL peers (bench/peers-postgresql.ts).
  peers: runPeersInMemoryBench,
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
  for (const name of names) {
    const part = parts[name];
    if (part !== undefined) sections.push(await part({ quick, log }));
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
};

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
