// Issue 8: the audit survives a truncated export, a corrupt middle and an interrupted store
// read, reporting what it could not read and auditing the rest.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InMemoryEventStore } from '@order-liability/store';
import { FaultInjectingEventStore } from '@order-liability/store/testing';
import { linesOf, tempDir } from './__fixtures__/lines';
import { auditFile, auditStore } from './audit';
import { itemsOfLines } from './file-source';
import { generateExport } from './generate/generate-export';
import { importItems } from './import-export';

const lines = [...generateExport({ orders: 40, seed: 11 })];
const clean = async () => {
  const dir = await tempDir();
  const path = join(dir.dir, 'clean.jsonl');
  await writeFile(path, `${lines.join('\n')}\n`);
  return { dir, result: await auditFile(path) };
};

describe('the audit under damaged input (issue 8)', () => {
  it('reports a truncated last line with its number and audits everything before it', async () => {
    const { dir, result: whole } = await clean();
    const last = lines[lines.length - 1] ?? '';
    const path = join(dir.dir, 'truncated.jsonl');
    await writeFile(
      path,
      [...lines.slice(0, -1), last.slice(0, Math.floor(last.length / 2))].join('\n'),
    );
    const { report } = await auditFile(path);
    expect(report.invalid.map((entry) => [entry.line, entry.reason.split(':')[0]])).toEqual([
      [lines.length, 'not JSON'],
    ]);
    expect([report.summary.events, report.summary.orders]).toEqual([
      whole.report.summary.events - 1,
      whole.report.summary.orders,
    ]);
    await dir.remove();
  });

  it('reports every corrupt line in the middle by number and replays the lines around them', async () => {
    const { dir, result: whole } = await clean();
    const damaged = lines.map((line, i) =>
      i >= 100 && i < 103 ? `\u0000${line.slice(7, 40)}garbage` : line,
    );
    const path = join(dir.dir, 'corrupt.jsonl');
    await writeFile(path, damaged.join('\n'));
    const { report } = await auditFile(path);
    // The next line of each stream that lost a line is still replayed, reported as a gap.
    const streamOf = (line: string): unknown =>
      (JSON.parse(line) as { streamId: unknown }).streamId;
    const lost = new Set(lines.slice(100, 103).map(streamOf));
    const gaps = [...lost]
      .map((stream) => lines.findIndex((line, n) => n >= 103 && streamOf(line) === stream) + 1)
      .filter((line) => line > 0)
      .sort((a, b) => a - b);
    expect(report.invalid.map((entry) => [entry.line, entry.reason.split(':')[0]])).toEqual([
      [101, 'not JSON'],
      [102, 'not JSON'],
      [103, 'not JSON'],
      ...gaps.map((line) => [line, 'revision gap']),
    ]);
    expect(gaps.length).toBeGreaterThan(0);
    expect(report.summary.events).toBe(whole.report.summary.events - 3);
    await dir.remove();
  });
});

describe('the audit of a store whose read is interrupted (issue 8)', () => {
  const loaded = async () => {
    const store = new InMemoryEventStore();
    await importItems(itemsOfLines(linesOf(lines)), store);
    return store;
  };

  it('resumes from the last position seen and audits everything once', async () => {
    const store = await loaded();
    const whole = await auditStore(store);
    const flaky = new FaultInjectingEventStore(store, {
      read: (call) => (call === 1 ? { dropAfter: 50 } : undefined),
    });
    const { report } = await auditStore(flaky, { storeRead: { resumeDelayMs: 1 } });
    expect(report).toEqual(whole.report);
    expect(flaky.calls.reads).toBe(2);
  });

  it('when the store stays away, reports what it read and where the read stopped', async () => {
    const store = await loaded();
    const down = new FaultInjectingEventStore(store, {
      read: (call) => (call === 1 ? { dropAfter: 50 } : { dropAfter: 0 }),
    });
    const { report } = await auditStore(down, { storeRead: { resumes: 2, resumeDelayMs: 1 } });
    expect([report.summary.events, report.summary.invalid, down.calls.reads]).toEqual([50, 1, 3]);
    expect(report.invalid[0]?.reason.replace(/position \d+\/\d+/, 'position N')).toBe(
      'the store read stopped after 50 events (at position N) and could not be resumed: The event store is unavailable: injected fault: the connection dropped mid-read. Retry later, or check the connection. Events after that point were not audited; run the audit again.',
    );
  });
});
