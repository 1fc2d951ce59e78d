import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './__fixtures__/lines';
import { parsePartitionLine, PartitionWriter } from './partition-file';

describe('partition files', () => {
  it('hold every kind of item and give each back with its position', async () => {
    const { dir, remove } = await tempDir();
    try {
      const writer = new PartitionWriter(join(dir, 'p.txt'));
      await writer.writeItem(0, { kind: 'line', line: 1, text: '{"streamId":"order-1"}' });
      await writer.writeItem(1, { kind: 'line', text: '{"streamId":"order-2"}' });
      await writer.writeItem(2, {
        kind: 'raw',
        line: 3,
        streamId: 'order-1',
        revision: 1,
        type: 'Disputed',
        data: { orderId: '1' },
        metadata: undefined,
      });
      await writer.writeItem(3, {
        kind: 'decoded',
        streamId: 'order-1',
        revision: 2,
        event: {
          type: 'InvoiceOverdue',
          data: { orderId: '1', observedAt: '2026-03-02T10:00:00Z' },
        },
      });
      await writer.writeItem(4, {
        kind: 'invalid',
        entry: { streamId: 'order-1', revision: 3, reason: 'store refused it' },
      });
      await writer.close();
      const lines = (await readFile(join(dir, 'p.txt'), 'utf8')).trimEnd().split('\n');
      expect(lines.map(parsePartitionLine)).toEqual([
        { seq: 0, item: { kind: 'line', line: 1, text: '{"streamId":"order-1"}' } },
        { seq: 1, item: { kind: 'line', text: '{"streamId":"order-2"}' } },
        {
          seq: 2,
          item: {
            kind: 'line',
            line: 3,
            text: '{"streamId":"order-1","revision":1,"type":"Disputed","data":{"orderId":"1"}}',
          },
        },
        {
          seq: 3,
          item: {
            kind: 'line',
            text: '{"streamId":"order-1","revision":2,"type":"InvoiceOverdue","data":{"orderId":"1","observedAt":"2026-03-02T10:00:00Z"}}',
          },
        },
        {
          seq: 4,
          item: {
            kind: 'invalid',
            entry: { streamId: 'order-1', revision: 3, reason: 'store refused it' },
          },
        },
      ]);
    } finally {
      await remove();
    }
  });

  it('refuse a damaged line', () => {
    for (const damaged of [
      '',
      '12',
      'x - {}',
      '3 I {not json',
      '3 I {"reason":5}',
      '3 I {"reason":"r","line":"2"}',
    ])
      expect(parsePartitionLine(damaged)).toBeUndefined();
  });

  it('report a write that fails as an IO error', async () => {
    const writer = new PartitionWriter('/no/such/dir/p.txt');
    await writer.writeItem(0, { kind: 'line', text: '{}' });
    await expect(writer.close()).rejects.toThrow(
      'cannot write temporary file /no/such/dir/p.txt: ENOENT',
    );
  });
});
