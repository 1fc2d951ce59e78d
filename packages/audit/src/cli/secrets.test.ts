import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  startEventStoreDBTestServer,
  type EventStoreDBTestServer,
} from '@order-liability/eventstoredb/testing';
import { tempDir } from '../__fixtures__/lines';
import { klarnaCase, recordsOf } from '../__fixtures__/planted-export';
import { toJsonLine } from '../export-record';
import { type NodeRun, runNode } from '../__fixtures__/run-node';

// Connection strings with passwords through every command that takes one, as a process: no
// password may reach stdout or stderr, whatever the command, the store or the failure.
jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'packages/audit/src/cli.ts');
const SECRET = 'Pw-9f3kQ-SECRET';

const cli = (args: readonly string[]): Promise<NodeRun> =>
  runNode(['--import', 'tsx', CLI, ...args], ROOT);

// The test server's connection string with the password replaced: authentication fails.
const wrongPassword = (): string => {
  const url = new URL(process.env['ORDER_LIABILITY_TEST_POSTGRES'] ?? 'postgresql://x@127.0.0.1/');
  url.password = SECRET;
  return url.toString();
};

let server: EventStoreDBTestServer;
let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  server = await startEventStoreDBTestServer();
  ({ dir, remove: removeDir } = await tempDir());
  await writeFile(
    join(dir, 'case.jsonl'),
    `${recordsOf('s1', klarnaCase('s1')).map(toJsonLine).join('\n')}\n`,
  );
});

afterAll(async () => {
  await server.stop();
  await removeDir();
});

describe('passwords in connection strings', () => {
  it('are never printed by audit, export or import, on EventStoreDB or PostgreSQL, whether they work or fail', async () => {
    const port = new URL(server.connectionString.replace(/^esdb:/, 'http:')).port;
    // An unknown option makes the EventStoreDB client warn with the whole string.
    const eventstore = `esdb://admin:${SECRET}@127.0.0.1:${port}?tls=false&bogusKey=1`;
    const refused = `postgresql://app:${SECRET}@127.0.0.1:1/orders`;
    const runs: [string, readonly string[]][] = [
      [
        'import --eventstore',
        ['import', '--input', join(dir, 'case.jsonl'), '--eventstore', eventstore],
      ],
      ['audit --eventstore', ['audit', '--eventstore', eventstore]],
      [
        'export --eventstore',
        ['export', '--eventstore', eventstore, '--output', join(dir, 'e.jsonl')],
      ],
      ['audit --postgres (wrong password)', ['audit', '--postgres', wrongPassword()]],
      [
        'export --postgres (refused)',
        ['export', '--postgres', refused, '--output', join(dir, 'p.jsonl')],
      ],
      [
        'import --postgres (wrong password)',
        ['import', '--input', join(dir, 'case.jsonl'), '--postgres', wrongPassword()],
      ],
      ['audit --postgres (not a URL)', ['audit', '--postgres', `host=db password=${SECRET}`]],
    ];

    const outcomes: unknown[] = [];
    for (const [name, args] of runs) {
      const run = await cli(args);
      const shown = run.stdout.includes(SECRET) || run.stderr.includes(SECRET);
      outcomes.push([name, run.code, shown, run.stderr.split('\n')[0]]);
    }

    const warning = 'Unknown option key "bogusKey", setting will be ignored.';
    const authentication = `order-liability: The event store is unavailable: PostgreSQL: password authentication failed for user "${new URL(wrongPassword()).username}" (28P01). Retry later, or check the connection.`;
    expect(outcomes).toEqual([
      ['import --eventstore', 0, false, warning],
      ['audit --eventstore', 0, false, warning],
      ['export --eventstore', 0, false, warning],
      ['audit --postgres (wrong password)', 2, false, authentication],
      [
        'export --postgres (refused)',
        2,
        false,
        'order-liability: The event store is unavailable: PostgreSQL: connect ECONNREFUSED 127.0.0.1:1 (ECONNREFUSED). Retry later, or check the connection.',
      ],
      ['import --postgres (wrong password)', 2, false, authentication],
      [
        'audit --postgres (not a URL)',
        2,
        false,
        'order-liability: --postgres: connection: expected a connection URL such as postgresql://user:password@host:5432/database, got a text that is not one; or pass a pg Pool.',
      ],
    ]);
  });
});
