// `pnpm example audit-export` (or `tsx examples/audit-export.ts`): generates a realistic
// export of 200 cases (legal histories decided by the domain), plants five faults in it, as
// a careless migration or a double booking would, writes it gzipped to a new folder in the
// system's temporary directory — and keeps it there, so the auditor can open it — audits it
// and prints the Markdown report an auditor would read.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  auditFile,
  formatMarkdown,
  generateRecords,
  withPlantedFaults,
  writeLines,
} from '@order-liability/audit';

const ORDERS = 200;
const SEED = 2026;

export const runAuditExample = async (
  log: (line: string) => void,
  dir?: string,
): Promise<string> => {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'order-liability-audit-example-')));
  const path = join(folder, 'events.jsonl.gz');
  const planted: string[] = [];
  const records = generateRecords({ orders: ORDERS, seed: SEED });
  const written = await writeLines(path, withPlantedFaults(records, planted));
  log(`Generated ${ORDERS} cases, ${written} lines, to ${path}; planted:`);
  for (const fault of planted) log(`  - ${fault}`);
  log('');
  const { report } = await auditFile(path);
  for (const line of formatMarkdown(report, {
    source: 'events.jsonl.gz (generated, seed 2026)',
  }).split('\n'))
    log(line);
  log(`The export is kept at ${path}; audit it yourself with`);
  log(`  pnpm exec order-liability audit --input ${path} --format markdown`);
  return path;
};

if (require.main === module)
  runAuditExample((line) => {
    process.stdout.write(`${line}\n`);
  }).catch((error: unknown) => {
    process.stderr.write(
      `audit example failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
