// Issue 15: every way auditFile can replay an export — one pass, one pass letting orders go
// (and falling back to partitions when one comes back), partitions, worker threads — gives
// byte-identical reports in every format. Worker threads run the built dist/audit-worker.js
// (`pnpm test` builds first).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tempDir } from './__fixtures__/lines';
import { type AuditOptions, auditFile } from './audit';
import { AuditError } from './audit-error';
import { formatCsv } from './format-csv';
import { formatHtml } from './format-html';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import { generateRecords } from './generate/generate-export';
import { withPlantedFaults } from './generate/plant-faults';
import { auditInWorkers } from './worker-audit';

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(() => removeDir());

const MODES: Readonly<Record<string, AuditOptions>> = {
  'one pass': { workers: 1 },
  'one pass, 3 orders open at most': { workers: 1, maxOpenOrders: 3 },
  'in memory': { partitions: 1 },
  '5 partitions': { partitions: 5 },
  '2 workers': { workers: 2 },
  '3 workers, 40 orders open at most': { workers: 3, maxOpenOrders: 40 },
};

// Every format's exact text of one audit.
const reportsOf = async (path: string, options: AuditOptions): Promise<string[]> => {
  const result = await auditFile(path, { ...options, rows: true });
  const context = { source: 'export.jsonl' };
  return [
    formatJson(result.report),
    formatCsv(result.orders, result.report.invalid),
    formatMarkdown(result.report, context),
    formatHtml(result, context),
  ];
};

const plantedExport = (orders: number): { lines: string[]; planted: string[] } => {
  const planted: string[] = [];
  const lines = [...withPlantedFaults(generateRecords({ orders, seed: 15 }), planted)];
  return { lines, planted };
};

describe('the report of every audit mode (issue 15)', () => {
  it('is byte-identical in json, csv, markdown and html on a generated export with planted faults', async () => {
    const { lines, planted } = plantedExport(400);
    const path = join(dir, 'planted.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    const [first, ...rest] = await Promise.all(
      Object.values(MODES).map((options) => reportsOf(path, options)),
    );
    for (const reports of rest) expect(reports).toEqual(first);
    const report: unknown = JSON.parse(first?.[0] ?? '');
    expect(planted).toHaveLength(5);
    expect(report).toMatchObject({
      summary: { orders: 400, invalid: 2, discrepancies: 3 },
    });
  }, 60_000);

  it('is byte-identical for a gzip export', async () => {
    const { lines } = plantedExport(150);
    const path = join(dir, 'planted.jsonl.gz');
    await writeFile(path, gzipSync(`${lines.join('\n')}\n`));
    const single = await reportsOf(path, { workers: 1 });
    expect(await reportsOf(path, { workers: 2 })).toEqual(single);
    expect(await reportsOf(path, { partitions: 3 })).toEqual(single);
  }, 60_000);

  it('turns a worker’s failure into its coded error, not a stack trace', async () => {
    const path = join(dir, 'cut.jsonl.gz');
    const whole = gzipSync(`${plantedExport(50).lines.join('\n')}\n`);
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const failure = auditFile(path, { workers: 2 });
    await expect(failure).rejects.toBeInstanceOf(AuditError);
    await expect(failure).rejects.toMatchObject({
      code: 'IO',
      message: `cannot read ${path}: unexpected end of file`,
    });
  }, 60_000);

  it('turns a worker that dies into the error WORKER', async () => {
    const path = join(dir, 'big.jsonl');
    await writeFile(path, `${plantedExport(2000).lines.join('\n')}\n`);
    const dying = auditInWorkers(path, {
      workers: 2,
      auditor: {},
      read: { maxRecordBytes: 1e6, maxInflateRatio: 100, maxInflatedBytes: 1e9 },
      progressEvery: 1000,
      totalBytes: 0,
      // Far too little heap for the worker: it runs out of memory.
      resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
    });
    const error = await dying.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(AuditError);
    // Either worker may run out first.
    const { code, message } = error instanceof AuditError ? error : { code: '', message: '' };
    expect({ code, message: message.replace(/^audit worker [12] /, 'audit worker N ') }).toEqual({
      code: 'WORKER',
      message:
        'audit worker N failed: Worker terminated due to reaching memory limit: JS heap out of memory; run again with --workers 1 (one thread) to audit without worker threads',
    });
  }, 60_000);
});
