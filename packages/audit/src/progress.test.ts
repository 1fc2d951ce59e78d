// Issue 13: progress counts each record once, and its share done follows bytes.
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './__fixtures__/lines';
import { auditFile } from './audit';
import { generateExport } from './generate/generate-export';
import type { AuditProgressEvent } from './progress';

const lines = [...generateExport({ orders: 120, seed: 5 })];

const progressOf = async (partitions: number) => {
  const { dir, remove } = await tempDir();
  try {
    const path = join(dir, 'events.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    const seen: AuditProgressEvent[] = [];
    await auditFile(path, { partitions, progressEvery: 1, onProgress: (p) => seen.push(p) });
    return { seen, size: (await stat(path)).size };
  } finally {
    await remove();
  }
};

const nonDecreasing = (values: readonly number[]): boolean =>
  values.every((value, i) => i === 0 || value >= (values[i - 1] ?? 0));

describe('audit progress (issue 13)', () => {
  it('counts each record once in a partitioned audit: reading, then replaying', async () => {
    const { seen, size } = await progressOf(4);
    expect(size).toBeGreaterThan(200_000);
    const read = seen.filter((p) => p.phase === 'read');
    const replay = seen.filter((p) => p.phase === 'replay');
    // Every read event comes before every replay event.
    expect(seen.map((p) => p.phase)).toEqual([...read, ...replay].map((p) => p.phase));
    expect(read.map((p) => p.records)).toEqual(lines.map((_, i) => i + 1));
    expect(new Set(replay.map((p) => p.records))).toEqual(new Set([lines.length]));
    expect(seen.at(-1)).toMatchObject({ records: lines.length, fraction: 1 });
  });

  it('follows the bytes of the source while reading and of the partitions while replaying', async () => {
    const { seen } = await progressOf(4);
    const fractions = (phase: string) =>
      seen.filter((p) => p.phase === phase).map((p) => p.fraction ?? -1);
    const read = fractions('read');
    const replay = fractions('replay');
    // The source is read in 64 KiB chunks: the share moves with them, and ends at all of it.
    expect(nonDecreasing(read)).toBe(true);
    expect(read[0]).toBeLessThan(0.5);
    expect(read.at(-1)).toBe(1);
    expect(nonDecreasing(replay)).toBe(true);
    expect(replay.at(-1)).toBe(1);
  });

  it('counts each record once in a single pass', async () => {
    const { seen } = await progressOf(1);
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['read']));
    expect(seen.at(-1)).toMatchObject({ records: lines.length, fraction: 1 });
  });
});
