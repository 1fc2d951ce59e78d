import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { plantedExport } from './__fixtures__/planted-export';
import { linesOf, tempDir } from './__fixtures__/lines';
import { auditFile, auditItems, partitionsForSize } from './audit';
import { itemsOfLines, openExportFile } from './file-source';
import type { AuditReport } from './report';
import { paid, returned } from './__fixtures__/settlement-lines';

const planted = plantedExport();

const expectedReport: AuditReport = {
  summary: {
    orders: 12,
    events: 51,
    invalid: 5,
    discrepancies: 4,
    byLiability: { klarna: 5, merchant: 1, split: 1, none: 3, undetermined: 2 },
    totals: { DKK: { fraudReturn: -750000, fraudPolicy: 460000 } },
  },
  discrepancies: [
    {
      orderId: 'differ',
      kind: 'lines-differ',
      booked: [returned, { ...paid, amount: 125000 }],
      expected: [returned, paid],
    },
    {
      orderId: 'without-fraud',
      kind: 'booked-without-fraud',
      booked: [returned, paid],
      expected: [],
    },
    { orderId: 'not-booked', kind: 'fraud-not-booked', booked: [], expected: [returned, paid] },
    {
      orderId: 'twice',
      kind: 'booked-twice',
      booked: [returned, paid, returned, paid],
      expected: [returned, paid],
    },
  ],
  invalid: [
    { line: planted.notJson, reason: 'not JSON: {"streamId":"order-clean", this is not J…' },
    {
      line: planted.gapLine,
      streamId: 'order-gap',
      revision: 3,
      reason: 'revision gap: expected 2, got 3',
    },
    {
      line: planted.dupLine,
      streamId: 'order-dup',
      revision: 1,
      reason: 'duplicate revision: expected 2, got 1',
    },
    {
      line: planted.codecLine,
      streamId: 'order-codec',
      revision: 1,
      reason:
        'invalid event: data.disputedAt: expected an ISO-8601 UTC time such as 2026-03-01T10:00:00Z, got "2026-02-30T10:00:00Z"',
    },
    {
      line: planted.unknownLine,
      streamId: 'order-codec',
      revision: 2,
      reason: 'unknown event type "OrderTeleported"',
    },
  ],
};

const auditLines = (lines: readonly string[], options = {}) =>
  auditItems(itemsOfLines(linesOf(lines)), options);

describe('the audit of an export with planted faults', () => {
  it('finds every discrepancy and invalid record, and replays the rest', async () => {
    const { report } = await auditLines(planted.lines);
    expect(report).toEqual(expectedReport);
  });

  it('lists one row per order, in first-appearance order, when rows are asked for', async () => {
    const { orders } = await auditLines(planted.lines, { rows: true });
    expect(
      orders.map((row) => [
        row.orderId,
        row.status,
        row.liability,
        row.bookings,
        row.discrepancies,
      ]),
    ).toEqual([
      ['clean', 'settled', 'klarna', 1, []],
      ['differ', 'settled', 'klarna', 1, ['lines-differ']],
      ['without-fraud', 'settled', 'none', 1, ['booked-without-fraud']],
      ['not-booked', 'resolved-fraud', 'klarna', 0, ['fraud-not-booked']],
      ['twice', 'settled', 'klarna', 2, ['booked-twice']],
      ['undetermined', 'awaiting-merchant-response', 'undetermined', 0, []],
      ['stopped', 'stopped', 'none', 0, []],
      ['untracked', 'settled', 'merchant', 1, []],
      ['split', 'settled', 'split', 1, []],
      ['gap', 'under-investigation', 'klarna', 0, []],
      ['dup', 'stopped', 'none', 0, []],
      ['codec', 'awaiting-merchant-response', 'undetermined', 0, []],
    ]);
  });

  it('keeps no rows unless asked', async () => {
    expect((await auditLines(planted.lines)).orders).toEqual([]);
  });

  it('gives the same result replayed in partitions through temporary files', async () => {
    const single = await auditLines(planted.lines, { rows: true });
    for (const partitions of [2, 5])
      expect(await auditLines(planted.lines, { rows: true, partitions })).toEqual(single);
  });

  it('partitions lines of any key order, and refuses what is no order stream, alike', async () => {
    const reordered = planted.lines.map((line, i) => {
      if (i % 3 !== 0 || i + 1 === planted.notJson) return line;
      const value: unknown = JSON.parse(line);
      return JSON.stringify(value, [
        'data',
        'type',
        'revision',
        'streamId',
        'orderId',
        'disputedAt',
      ]);
    });
    const lines = [
      ...reordered,
      '{"streamId":"customer-1","revision":0,"type":"Disputed","data":{}}',
      '{"streamId":"order-\\u0041","revision":0,"type":"Disputed","data":{"orderId":"A","disputedAt":"2026-03-05T10:00:00Z"}}',
      '   ',
    ];
    const single = await auditLines(lines, { rows: true });
    expect(single.report.invalid.at(-1)).toEqual({
      line: planted.lines.length + 1,
      streamId: 'customer-1',
      revision: 0,
      reason: 'not an order stream: expected order-<orderId>, got "customer-1"',
    });
    expect(await auditLines(lines, { rows: true, partitions: 3 })).toEqual(single);
  });

  it('recomputes under the given policy', async () => {
    // Without recallable carriers and with the merchant's recall duty, no PostNord parcel is covered.
    const { report } = await auditLines(planted.lines, {
      policy: { recallableCarriers: [], requireMerchantRecallForOtherCarriers: true },
    });
    expect(report.summary.byLiability).toEqual({
      klarna: 0,
      merchant: 7,
      split: 0,
      none: 3,
      undetermined: 2,
    });
    expect(report.discrepancies.map((d) => [d.orderId, d.kind])).toEqual([
      ['clean', 'lines-differ'],
      ['differ', 'lines-differ'],
      ['without-fraud', 'booked-without-fraud'],
      ['not-booked', 'fraud-not-booked'],
      ['twice', 'lines-differ'],
      ['twice', 'booked-twice'],
      ['split', 'lines-differ'],
    ]);
    expect(report.discrepancies[0]).toEqual({
      orderId: 'clean',
      kind: 'lines-differ',
      booked: [returned, paid],
      expected: [returned],
    });
  });
});

describe('time travel (--as-of)', () => {
  it('replays only what had happened by then, for every order', async () => {
    // Seven days in: disputes are recorded, no investigation has concluded, nothing is booked.
    const { report } = await auditLines(planted.lines, { asOf: '2026-03-09T10:00:00Z' });
    expect(report).toEqual({
      summary: {
        orders: 12,
        events: 37,
        invalid: 5,
        discrepancies: 0,
        byLiability: { klarna: 6, merchant: 1, split: 1, none: 2, undetermined: 2 },
        totals: {},
      },
      discrepancies: [],
      invalid: expectedReport.invalid,
    });
  });

  it('counts no order before its stop request', async () => {
    const { report } = await auditLines(planted.lines, { asOf: '2026-03-01T00:00:00Z' });
    expect(report.summary).toMatchObject({ orders: 0, events: 0, invalid: 5 });
  });

  it('refuses a time that is not an ISO-8601 UTC instant', async () => {
    await expect(auditLines(planted.lines, { asOf: '2026-03-09' })).rejects.toMatchObject({
      code: 'USAGE',
      message:
        '--as-of "2026-03-09" is not an ISO-8601 UTC time; write it like 2026-03-01T00:00:00Z',
    });
  });
});

describe('auditFile', () => {
  it('reads plain and gzip exports alike, gzip known by extension or by its magic bytes', async () => {
    const { dir, remove } = await tempDir();
    try {
      const text = `${planted.lines.join('\n')}\n`;
      await writeFile(join(dir, 'events.jsonl'), text);
      await writeFile(join(dir, 'events.jsonl.gz'), gzipSync(text));
      await writeFile(join(dir, 'events.export'), gzipSync(text));
      for (const name of ['events.jsonl', 'events.jsonl.gz', 'events.export'])
        expect((await auditFile(join(dir, name))).report).toEqual(expectedReport);
      expect((await auditFile(join(dir, 'events.jsonl.gz'), { partitions: 3 })).report).toEqual(
        expectedReport,
      );
    } finally {
      await remove();
    }
  });

  it('counts lines from 1 across blank lines, CRLF and a byte order mark', async () => {
    const { dir, remove } = await tempDir();
    try {
      const [first, ...rest] = planted.lines;
      await writeFile(join(dir, 'crlf.jsonl'), `\uFEFF${first ?? ''}\r\n\r\n${rest.join('\r\n')}`);
      const { report } = await auditFile(join(dir, 'crlf.jsonl'));
      expect(report.summary).toEqual(expectedReport.summary);
      expect(report.invalid.map((entry) => entry.line)).toEqual(
        expectedReport.invalid.map((entry) => (entry.line ?? 0) + 1),
      );
    } finally {
      await remove();
    }
  });

  it('rejects a missing file with an IO error, before reading anything', async () => {
    const audit = auditFile('/no/such/export.jsonl');
    await expect(audit).rejects.toMatchObject({ code: 'IO' });
    await expect(audit).rejects.toThrow(
      "cannot read /no/such/export.jsonl: ENOENT: no such file or directory, stat '/no/such/export.jsonl'",
    );
  });

  it('rejects a damaged gzip file with an IO error', async () => {
    const { dir, remove } = await tempDir();
    try {
      const zipped = gzipSync(planted.lines.join('\n'));
      await writeFile(join(dir, 'cut.jsonl.gz'), zipped.subarray(0, zipped.length - 20));
      const audit = auditFile(join(dir, 'cut.jsonl.gz'));
      await expect(audit).rejects.toMatchObject({ code: 'IO' });
      await expect(auditFile(join(dir, 'cut.jsonl.gz'), { partitions: 2 })).rejects.toThrow(
        `cannot read ${join(dir, 'cut.jsonl.gz')}: unexpected end of file`,
      );
      await expect(audit).rejects.toThrow(
        `cannot read ${join(dir, 'cut.jsonl.gz')}: unexpected end of file`,
      );
    } finally {
      await remove();
    }
  });

  it('reports progress with the share of the file read', async () => {
    const { dir, remove } = await tempDir();
    try {
      await writeFile(join(dir, 'events.jsonl'), planted.lines.join('\n'));
      const seen: (number | undefined)[] = [];
      await auditFile(join(dir, 'events.jsonl'), {
        progressEvery: 20,
        onProgress: (p) => seen.push(p.fraction),
      });
      expect(seen.length).toBe(3);
      expect(seen[2]).toBe(1);
    } finally {
      await remove();
    }
  });
});

describe('partitionsForSize', () => {
  it('partitions a file by about 16 MB of JSON, gzip counted at ten to one', () => {
    expect(partitionsForSize(0, false)).toBe(1);
    expect(partitionsForSize(16 * 1024 * 1024, false)).toBe(1);
    expect(partitionsForSize(300 * 1024 * 1024, false)).toBe(19);
    expect(partitionsForSize(30 * 1024 * 1024, true)).toBe(19);
    expect(partitionsForSize(100 * 1024 * 1024 * 1024, false)).toBe(256);
  });
});

describe('openExportFile', () => {
  it('loses no line when iteration starts late (readline is created on first read)', async () => {
    const { dir, remove } = await tempDir();
    try {
      await writeFile(join(dir, 'events.jsonl'), planted.lines.join('\n'));
      const source = await openExportFile(join(dir, 'events.jsonl'));
      await new Promise((done) => setTimeout(done, 50));
      let count = 0;
      for await (const item of source.items)
        if (item.kind !== 'invalid' || item.entry.line !== undefined) count += 1;
      expect(count).toBe(planted.lines.length);
    } finally {
      await remove();
    }
  });
});
