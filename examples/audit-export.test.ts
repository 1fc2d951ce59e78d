// Issue 13: the audit example keeps the export it made and says where.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { runAuditExample } from './audit-export';

describe('pnpm example audit-export', () => {
  it('keeps its export, prints where, and reports the planted faults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-example-test-'));
    try {
      const lines: string[] = [];
      const path = await runAuditExample((line) => lines.push(line), dir);
      expect(path).toBe(join(dir, 'events.jsonl.gz'));
      expect((await stat(path)).isFile()).toBe(true);
      expect(lines.slice(-2)).toEqual([
        `The export is kept at ${path}; audit it yourself with`,
        `  pnpm exec order-liability audit --input ${path} --format markdown`,
      ]);
      expect(lines).toContain('| Discrepancies | 3 |');
      expect(lines).toContain('| Invalid records | 2 |');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
