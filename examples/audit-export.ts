// `pnpm example audit-export` (or `tsx examples/audit-export.ts`): generates a realistic
// export of 200 cases (legal histories decided by the domain), plants five faults in it, as
// a careless migration or a double booking would, writes it gzipped to a temporary file,
// audits it and prints the Markdown report an auditor would read.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import {
  auditFile,
  type ExportRecord,
  formatMarkdown,
  generateRecords,
  toJsonLine,
  writeLines,
} from '@order-liability/audit';
import { decodeEvent } from '@order-liability/domain';

const ORDERS = 200;
const SEED = 2026;

// The records of the export with five faults planted; each fault is described in `planted`.
const plantFaults = (records: readonly ExportRecord[], planted: string[]): string[] => {
  const bookings = records
    .map((record, index) => ({ record, index }))
    .filter(({ record }) => record.type === 'SettlementBooked');
  const [differs, dropped, doubled] = bookings;
  const lines: string[] = [];
  records.forEach((record, index) => {
    if (index === dropped?.index) {
      planted.push(`${record.streamId}: its booking was lost (fraud-not-booked)`);
      return;
    }
    if (index === differs?.index) {
      const event = decodeEvent({ type: record.type, data: record.data });
      if (E.isRight(event) && event.right.type === 'SettlementBooked') {
        // 25,00 more paid out than the policy allows.
        const booked = event.right.data.lines.map((line) =>
          line.kind === 'fraud-policy' ? { ...line, amount: line.amount + 2500 } : line,
        );
        planted.push(`${record.streamId}: 25,00 too much paid out (lines-differ)`);
        lines.push(toJsonLine({ ...record, data: { ...event.right.data, lines: booked } }));
        return;
      }
    }
    lines.push(toJsonLine(record));
    if (index === doubled?.index) {
      planted.push(`${record.streamId}: booked a second time (booked-twice)`);
      lines.push(toJsonLine({ ...record, revision: record.revision + 1, metadata: {} }));
    }
    if (index === 100) {
      planted.push('line after record 100: cut off mid-line (not JSON)');
      lines.push(toJsonLine(record).slice(0, 60));
    }
  });
  const last = records.at(-1);
  if (last !== undefined) {
    planted.push(`${last.streamId}: a dispute dated 30 February (invalid event)`);
    lines.push(
      toJsonLine({
        streamId: last.streamId,
        revision: last.revision + 1,
        type: 'Disputed',
        data: { orderId: last.streamId.replace(/^order-/, ''), disputedAt: '2026-02-30T10:00:00Z' },
      }),
    );
  }
  return lines;
};

export const runAuditExample = async (log: (line: string) => void): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'audit-example-'));
  try {
    const path = join(dir, 'events.jsonl.gz');
    const planted: string[] = [];
    // A booking is the last event of its stream, so a second one fits on at the next revision.
    const records = [...generateRecords({ orders: ORDERS, seed: SEED })];
    const written = await writeLines(path, plantFaults(records, planted));
    log(`Generated ${ORDERS} cases, ${written} lines, to ${path}; planted:`);
    for (const fault of planted) log(`  - ${fault}`);
    log('');
    const { report } = await auditFile(path);
    for (const line of formatMarkdown(report, {
      source: 'events.jsonl.gz (generated, seed 2026)',
    }).split('\n'))
      log(line);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
