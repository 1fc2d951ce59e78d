import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InMemoryEventStore } from '@order-liability/store';
import { RawWritingInMemoryEventStore } from '@order-liability/store/testing';
import { eventIdOf, klarnaCase, plantedExport, recordsOf } from './__fixtures__/planted-export';
import { linesOf, tempDir } from './__fixtures__/lines';
import { auditFile, auditStore } from './audit';
import { exportStore } from './export-store';
import { itemsOfLines } from './file-source';
import { importItems } from './import-export';
import { isRecord } from './is-record';

const planted = plantedExport();

const loadedStore = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  await importItems(itemsOfLines(linesOf(planted.lines)), store);
  return store;
};

describe('importItems', () => {
  it('loads what the audit can replay and reports what it left out', async () => {
    const store = new InMemoryEventStore();
    const result = await importItems(itemsOfLines(linesOf(planted.lines)), store);
    expect(result.events).toBe(51);
    expect(result.streams).toBe(12);
    expect(result.refused).toEqual([]);
    expect(result.invalid.map((entry) => [entry.line, entry.reason.split(':')[0]])).toEqual([
      [planted.notJson, 'not JSON'],
      [planted.gapLine, 'revision gap'],
      [planted.dupLine, 'duplicate revision'],
      [planted.codecLine, 'invalid event'],
      [planted.unknownLine, 'unknown event type "OrderTeleported"'],
    ]);
  });

  it('refuses every stream that already exists, writing nothing to it', async () => {
    const store = await loadedStore();
    const again = await importItems(itemsOfLines(linesOf(planted.lines)), store);
    expect(again.events).toBe(0);
    expect(again.streams).toBe(0);
    expect(again.refused).toHaveLength(12);
    expect(again.refused[0]).toEqual({
      streamId: 'order-clean',
      reason: 'the stream already exists in the store',
    });
    const { report } = await auditStore(store);
    expect(report.summary.events).toBe(51);
  });

  it('keeps the event ids of the export', async () => {
    const store = new InMemoryEventStore();
    await importItems(
      itemsOfLines(linesOf(recordsOf('ids', klarnaCase('ids')).map((r) => JSON.stringify(r)))),
      store,
    );
    const ids: string[] = [];
    for await (const event of store.readStream('order-ids')) ids.push(event.metadata.eventId);
    expect(ids).toEqual([0, 1, 2, 3, 4, 5].map((revision) => eventIdOf('ids', revision)));
  });
});

describe('auditStore', () => {
  it('audits every order stream read through readAll', async () => {
    const { report } = await auditStore(await loadedStore());
    expect(report.summary).toEqual({
      orders: 12,
      events: 51,
      invalid: 0,
      discrepancies: 4,
      byLiability: { klarna: 5, merchant: 1, split: 1, none: 3, undetermined: 2 },
      totals: { DKK: { fraudReturn: -750000, fraudPolicy: 460000 } },
    });
    expect(report.discrepancies.map((d) => `${d.orderId} ${d.kind}`)).toEqual([
      'differ lines-differ',
      'without-fraud booked-without-fraud',
      'not-booked fraud-not-booked',
      'twice booked-twice',
    ]);
  });

  it('reports events the store cannot decode, with stream and revision, and goes on', async () => {
    const store = new RawWritingInMemoryEventStore();
    await importItems(
      itemsOfLines(
        linesOf(
          recordsOf('raw', klarnaCase('raw'))
            .slice(0, 3)
            .map((r) => JSON.stringify(r)),
        ),
      ),
      store,
    );
    await store.writeRaw('order-raw', {
      type: 'Disputed',
      data: { orderId: 'raw', disputedAt: 'soon' },
      metadata: {
        eventId: '00000000-0000-4000-8000-000000000099',
        recordedAt: '2026-03-07T10:00:00.000Z',
        schemaVersion: 1,
      },
    });
    await store.appendToStream('order-raw', [
      { type: 'InvoiceOverdue', data: { orderId: 'raw', observedAt: '2026-03-08T10:00:00Z' } },
    ]);
    const { report } = await auditStore(store);
    expect(report.summary).toMatchObject({ orders: 1, events: 4, invalid: 1 });
    expect(report.invalid.map(({ streamId, revision }) => ({ streamId, revision }))).toEqual([
      { streamId: 'order-raw', revision: 3 },
    ]);
    expect(report.invalid[0]?.reason).toContain('disputedAt');
  });

  it('gives the same result in partitions', async () => {
    const store = await loadedStore();
    expect(await auditStore(store, { partitions: 3, rows: true })).toEqual(
      await auditStore(store, { rows: true }),
    );
  });
});

describe('exportStore', () => {
  it('writes the JSON Lines format in global order, revisions as numbers, gzip on request', async () => {
    const store = await loadedStore();
    const { dir, remove } = await tempDir();
    try {
      const plain = join(dir, 'events.jsonl');
      const zipped = join(dir, 'events.jsonl.gz');
      expect(await exportStore(store, plain)).toEqual({ events: 51, invalid: [] });
      await exportStore(store, zipped);
      const text = await readFile(plain, 'utf8');
      expect(gunzipSync(await readFile(zipped)).toString('utf8')).toBe(text);
      const lines = text.trimEnd().split('\n');
      const first: unknown = JSON.parse(lines[0] ?? '');
      expect(isRecord(first) && Object.keys(first)).toEqual([
        'streamId',
        'revision',
        'type',
        'data',
        'metadata',
      ]);
      expect(first).toMatchObject({ streamId: 'order-clean', revision: 0, type: 'StopRequested' });
      // The store renumbered the stream with the gap: its export is whole again.
      expect((await auditFile(plain)).report).toEqual((await auditStore(store)).report);
    } finally {
      await remove();
    }
  });

  it('rejects an unwritable path with an IO error', async () => {
    const store = await loadedStore();
    const exported = exportStore(store, '/no/such/dir/events.jsonl');
    await expect(exported).rejects.toMatchObject({ code: 'IO' });
    await expect(exported).rejects.toThrow('cannot write /no/such/dir/events.jsonl: ENOENT');
  });
});
