// Issue 13: import is all-or-nothing per stream, and a double booking survives the round trip.
import { join } from 'node:path';
import { InMemoryEventStore } from '@order-liability/store';
import { linesOf, tempDir } from './__fixtures__/lines';
import { eventIdOf, klarnaCase, plantedExport, recordsOf } from './__fixtures__/planted-export';
import { auditFile, auditStore } from './audit';
import { exportStore } from './export-store';
import { formatJson } from './format-json';
import { type ExportRecord, toJsonLine } from './export-record';
import { itemsOfLines } from './file-source';
import { importItems } from './import-export';

const streamRevisions = async (store: InMemoryEventStore, streamId: string): Promise<number[]> => {
  const revisions: number[] = [];
  try {
    for await (const event of store.readStream(streamId)) revisions.push(Number(event.revision));
  } catch {
    // STREAM_NOT_FOUND: nothing was written.
  }
  return revisions;
};

// Two streams interleaved, so the importer cannot see one stream whole before the other starts.
const interleaved = (a: readonly ExportRecord[], b: readonly ExportRecord[]): string[] => {
  const lines: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const left = a[i];
    const right = b[i];
    if (left !== undefined) lines.push(toJsonLine(left));
    if (right !== undefined) lines.push(toJsonLine(right));
  }
  return lines;
};

describe('importItems, all or nothing per stream', () => {
  it('given a booking repeated with the same event id at the next revision, then that stream is refused and nothing of it is written', async () => {
    const twice = recordsOf('dup', klarnaCase('dup'));
    const booking = twice[5];
    if (booking === undefined) throw new Error('fixture: no booking');
    const repeated: ExportRecord = { ...booking, revision: 6 };
    const other = recordsOf('other', klarnaCase('other'));
    const store = new InMemoryEventStore();
    const result = await importItems(
      itemsOfLines(linesOf(interleaved([...twice, repeated], other))),
      store,
    );
    expect(result).toEqual({
      events: 6,
      streams: 1,
      refused: [
        {
          streamId: 'order-dup',
          reason: `event id ${eventIdOf('dup', 5)} is given to revisions 5 and 6; every event needs its own`,
        },
      ],
      invalid: [],
    });
    expect(await streamRevisions(store, 'order-dup')).toEqual([]);
    expect(await streamRevisions(store, 'order-other')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('given a booked-twice case whose bookings carry distinct event ids, then it survives import and export and still audits as booked-twice', async () => {
    const planted = plantedExport();
    const store = new InMemoryEventStore();
    const result = await importItems(itemsOfLines(linesOf(planted.lines)), store);
    expect(result.refused).toEqual([]);
    expect(await streamRevisions(store, 'order-twice')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const { report } = await auditStore(store);
    expect(report.discrepancies.filter((d) => d.orderId === 'twice').map((d) => d.kind)).toEqual([
      'booked-twice',
    ]); // And once more through an export of that store.
    const { dir, remove } = await tempDir();
    try {
      await exportStore(store, join(dir, 'exported.jsonl'));
      const exported = await auditFile(join(dir, 'exported.jsonl'));
      expect(formatJson(exported.report)).toBe(formatJson(report));
      expect(
        exported.report.discrepancies.filter((d) => d.orderId === 'twice').map((d) => d.kind),
      ).toEqual(['booked-twice']);
    } finally {
      await remove();
    }
  });
});
