// Issue 13: a partitioned audit parses and routes every record as a single pass does, so
// both give byte-identical JSON reports on any input, hostile ones included. Issue 15: so do
// worker threads (routing by the streamId JSON.parse keeps) and a one-pass audit that lets
// orders go (and replays in partitions when one comes back).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from './__fixtures__/lines';
import { klarnaCase, recordsOf } from './__fixtures__/planted-export';
import { type AuditOptions, auditFile } from './audit';
import { toJsonLine } from './export-record';
import { formatJson } from './format-json';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 100);
const ORDERS = ['a', 'b', 'c', 'd'];
const base: readonly string[] = ORDERS.flatMap((id) =>
  recordsOf(id, klarnaCase(id)).map(toJsonLine),
);

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
let fileNo = 0;
beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(() => removeDir());

const LIMITS: AuditOptions = { maxRecordBytes: 4000, maxDepth: 64 };

// The JSON reports of a single pass and of a partitioned audit of the same bytes, after
// checking that worker threads and a one-pass audit holding two orders open give the same.
const bothModes = async (
  content: Buffer | string,
  limits: AuditOptions = LIMITS,
): Promise<[string, string]> => {
  fileNo += 1;
  const path = join(dir, `export-${fileNo}.jsonl`);
  await writeFile(path, content);
  const single = formatJson((await auditFile(path, { ...limits, partitions: 1 })).report);
  const partitioned = await auditFile(path, { ...limits, partitions: 4 });
  const workers = await auditFile(path, { ...limits, workers: 2 });
  const bounded = await auditFile(path, { ...limits, workers: 1, maxOpenOrders: 2 });
  expect(formatJson(workers.report)).toBe(single);
  expect(formatJson(bounded.report)).toBe(single);
  return [single, formatJson(partitioned.report)];
};

// A record of one stream that names another stream in a second "streamId" key.
const withSecondStreamId = (line: string, streamId: string): string =>
  `${line.slice(0, -1)},"streamId":${JSON.stringify(streamId)}}`;

const deep = (levels: number): string =>
  `{"streamId":"order-a","revision":99,"type":"SettlementBooked","data":${'['.repeat(levels)}${']'.repeat(levels)}}`;

describe('partitioned and single-pass audits (issue 13)', () => {
  it('route a record with two streamId keys by the one JSON.parse keeps, in both modes', async () => {
    // order-a's booking once more at revision 6, with a second key naming order-b.
    const booking = base.find((line) => line.includes('"order-a","revision":5')) ?? '';
    const repeated = withSecondStreamId(booking.replace('"revision":5', '"revision":6'), 'order-b');
    const lines = [...base, repeated];
    const [single, partitioned] = await bothModes(lines.join('\n'));
    expect(partitioned).toBe(single);
    expect(JSON.parse(single)).toMatchObject({
      summary: { orders: 4, events: 24, invalid: 1, discrepancies: 0 },
      invalid: [
        {
          line: lines.length,
          streamId: 'order-b',
          revision: 6,
          reason: 'wrong order: data.orderId is "a" in stream order-b',
        },
      ],
    });
  });

  it('report a record nested 100,000 levels deep as one invalid record in both modes', async () => {
    const lines = [...base, deep(100_000)];
    const [single, partitioned] = await bothModes(lines.join('\n'), {});
    expect(partitioned).toBe(single);
    expect(JSON.parse(single)).toMatchObject({
      summary: { orders: 4, invalid: 1, discrepancies: 0 },
      invalid: [
        {
          line: lines.length,
          reason:
            'too-deep: the record nests objects and arrays deeper than 256 levels (--max-depth)',
        },
      ],
    });
  });

  it('give byte-identical JSON reports on generated hostile exports', async () => {
    const fault = fc.oneof(
      fc.record({ kind: fc.constant('second-stream-id'), to: fc.constantFrom(...ORDERS, 'x', '') }),
      fc.record({ kind: fc.constant('escaped-key'), to: fc.constantFrom(...ORDERS) }),
      fc.record({ kind: fc.constant('deep'), levels: fc.integer({ min: 60, max: 3000 }) }),
      fc.record({ kind: fc.constant('huge'), bytes: fc.integer({ min: 3900, max: 9000 }) }),
      fc.record({ kind: fc.constant('not-utf8'), byte: fc.integer({ min: 0x80, max: 0xff }) }),
      fc.record({ kind: fc.constant('drop') }),
      fc.record({ kind: fc.constant('repeat') }),
      fc.record({ kind: fc.constant('revision'), revision: fc.integer({ min: 0, max: 8 }) }),
      fc.record({ kind: fc.constant('truncate') }),
    );
    const planted = fc.array(fc.tuple(fc.nat(base.length - 1), fault), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(planted, async (faults) => {
        const lines: Buffer[] = base.map((line) => Buffer.from(line));
        for (const [at, planted] of faults) {
          const text = lines[at]?.toString() ?? '';
          switch (planted.kind) {
            case 'second-stream-id':
              lines[at] = Buffer.from(withSecondStreamId(text, `order-${planted.to}`));
              break;
            case 'escaped-key':
              lines[at] = Buffer.from(
                `${text.slice(0, -1)},"stream\\u0049d":"order-${planted.to}"}`,
              );
              break;
            case 'deep':
              lines.splice(at, 0, Buffer.from(deep(planted.levels)));
              break;
            case 'huge':
              lines[at] = Buffer.from(`${text.slice(0, -1)},"pad":"${'x'.repeat(planted.bytes)}"}`);
              break;
            case 'not-utf8':
              lines[at] = Buffer.concat([
                Buffer.from(text.slice(0, 20)),
                Buffer.from([planted.byte]),
                Buffer.from(text.slice(20)),
              ]);
              break;
            case 'drop':
              lines.splice(at, 1);
              break;
            case 'repeat':
              lines.splice(at, 0, Buffer.from(text));
              break;
            case 'revision':
              lines[at] = Buffer.from(
                text.replace(/"revision":\d+/, `"revision":${planted.revision}`),
              );
              break;
            case 'truncate':
              lines[at] = Buffer.from(text.slice(0, Math.floor(text.length / 2)));
              break;
          }
        }
        const [single, partitioned] = await bothModes(
          Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])),
        );
        expect(partitioned).toBe(single);
      }),
      { numRuns },
    );
  }, 120_000);
});
