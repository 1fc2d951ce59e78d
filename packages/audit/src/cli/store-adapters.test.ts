import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startEventStoreDBTestServer } from '@order-liability/eventstoredb/testing';
import { tempDir } from '../__fixtures__/lines';
import { eventIdOf, klarnaCase, plantedExport, recordsOf } from '../__fixtures__/planted-export';
import { toJsonLine } from '../export-record';
import type { CliIo } from './cli-io';
import { openStore } from './open-store';
import { runCli } from './run-cli';

// The command line against the real adapters: EventStoreDB through its gRPC protocol test
// double, PostgreSQL on the server the Jest global setup of packages/postgresql started.
const TEST_POSTGRES_ENV = 'ORDER_LIABILITY_TEST_POSTGRES';

const run = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const io: CliIo = {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    openStore,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
};

const expectedSummary = {
  orders: 12,
  events: 51,
  invalid: 0,
  discrepancies: 4,
  byLiability: { klarna: 5, merchant: 1, split: 1, none: 3, undetermined: 2 },
  totals: { DKK: { fraudReturn: -750000, fraudPolicy: 460000 } },
};

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(join(dir, 'planted.jsonl'), `${plantedExport().lines.join('\n')}\n`);
});

afterAll(() => removeDir());

// import → audit from the store → export → audit of the export: the same report.
const roundTrip = async (source: readonly string[]): Promise<void> => {
  const imported = await run('import', '--input', join(dir, 'planted.jsonl'), ...source);
  expect(imported.stderr.trimEnd().split('\n').at(-1)).toBe(
    'imported 51 events into 12 streams; 0 streams refused, 5 invalid records left out',
  );
  expect(imported.code).toBe(1);

  const audited = await run('audit', ...source);
  expect(audited.code).toBe(1);
  const report: unknown = JSON.parse(audited.stdout);
  expect(report).toMatchObject({ summary: expectedSummary });

  const exported = await run('export', ...source, '--output', join(dir, 'exported.jsonl'));
  expect(exported).toEqual({
    code: 0,
    stdout: '',
    stderr: `exported 51 events to ${join(dir, 'exported.jsonl')}\n`,
  });
  const reaudited = await run('audit', '--input', join(dir, 'exported.jsonl'));
  expect(JSON.parse(reaudited.stdout)).toEqual(report);

  const again = await run('import', '--input', join(dir, 'exported.jsonl'), ...source);
  expect(again.code).toBe(1);
  expect(again.stderr.trimEnd().split('\n').at(-1)).toBe(
    'imported 0 events into 0 streams; 12 streams refused, 0 invalid records left out',
  );
};

describe('the command line on EventStoreDB (protocol test double)', () => {
  it('imports, audits and exports', async () => {
    const server = await startEventStoreDBTestServer();
    try {
      await roundTrip(['--eventstore', server.connectionString]);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('reports an unreachable server as one line, exit 2', async () => {
    const { code, stderr } = await run('audit', '--eventstore', 'esdb://127.0.0.1:1?tls=false');
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^order-liability: /);
  }, 60_000);

  it('refuses a malformed connection string as a usage error', async () => {
    const { code, stderr } = await run('audit', '--eventstore', 'not a connection string');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^order-liability: --eventstore: connectionString: expected an EventStoreDB connection string/,
    );
  });
});

describe('the command line on PostgreSQL (embedded server)', () => {
  it('imports, audits and exports', async () => {
    const connection = process.env[TEST_POSTGRES_ENV];
    if (connection === undefined || connection === '')
      throw new Error(
        `${TEST_POSTGRES_ENV} is not set: run through Jest (packages/postgresql starts a server).`,
      );
    const schema = `audit_test_${randomBytes(4).toString('hex')}`;
    await roundTrip(['--postgres', connection, '--postgres-schema', schema]);
  }, 60_000);

  it('writes nothing of a stream that repeats an event id (issue 13)', async () => {
    const connection = process.env[TEST_POSTGRES_ENV] ?? '';
    const source = [
      '--postgres',
      connection,
      '--postgres-schema',
      `audit_test_${randomBytes(4).toString('hex')}`,
    ];
    const dup = recordsOf('dup', klarnaCase('dup'));
    const booking = dup[5];
    if (booking === undefined) throw new Error('fixture: no booking');
    // The repeat comes after another stream, so an importer writing as it reads has
    // already written the rest of order-dup when it meets it.
    const lines = [...dup, ...recordsOf('other', klarnaCase('other')), { ...booking, revision: 6 }];
    await writeFile(join(dir, 'dup.jsonl'), `${lines.map(toJsonLine).join('\n')}\n`);
    const imported = await run('import', '--input', join(dir, 'dup.jsonl'), ...source);
    expect([imported.code, imported.stderr]).toEqual([
      1,
      `refused: order-dup: event id ${eventIdOf('dup', 5)} is given to revisions 5 and 6; every event needs its own\nimported 6 events into 1 streams; 1 streams refused, 0 invalid records left out\n`,
    ]);
    const audited = await run('audit', ...source);
    expect(JSON.parse(audited.stdout)).toMatchObject({
      summary: { orders: 1, events: 6, discrepancies: 0 },
    });
  }, 60_000);
});
