import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppendResult, RecordedEvent } from '@order-liability/store';
import { PostgreSQLEventStore } from './postgresql-event-store';
import type { ChildScript } from './testing/child-process';
import { freePort, startServer, stopServer } from './testing/restartable-server';
import { codeOf, collect, labelOf } from './testing/collect';
import { informationRequested, stopRequested } from './testing/case-fixtures';

// A server of its own (in a child process), so the shared test server stays up: stopped in
// the middle of a read, then started again on the same data directory.

describe('a PostgreSQL server stopped in the middle of a read', () => {
  let scratch = '';
  let running: ChildScript | undefined;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'order-liability-shutdown-'));
    // Run as root, the server runs as the postgres user, which must reach the data directory.
    await chmod(scratch, 0o755);
  });

  afterAll(async () => {
    running?.process.kill('SIGINT');
    if (running !== undefined) await running.exited;
    await rm(scratch, { recursive: true, force: true });
  });

  it('given 1,000 committed events and appends still going on, when the server stops mid-read, then reads, appends and new reads reject with STORE_UNAVAILABLE, and after a restart every acknowledged event is there', async () => {
    const dataDirectory = join(scratch, 'data');
    const port = await freePort();
    const first = await startServer(dataDirectory, port);
    running = first.child;
    const store = new PostgreSQLEventStore(first.url, { schema: 'shutdown', pageSize: 100 });
    await store.migrate();
    await store.appendToStream('order-s', [stopRequested('s')]);
    for (let batch = 0; batch < 9; batch += 1)
      await store.appendToStream(
        'order-s',
        Array.from({ length: 111 }, (_, n) => informationRequested('s', `b${batch}-${n}`)),
      );

    // Appends keep coming while the server goes down; those acknowledged must survive.
    const acknowledged: AppendResult[] = [];
    const progress = { appending: true };
    const appender = (async () => {
      for (let n = 0; progress.appending; n += 1) {
        try {
          acknowledged.push(
            await store.appendToStream('order-live', [informationRequested('live', `live ${n}`)]),
          );
        } catch (error) {
          return codeOf(error);
        }
      }
      return undefined;
    })();

    const seen: RecordedEvent[] = [];
    let readError: unknown;
    try {
      for await (const event of store.readAll()) {
        seen.push(event);
        if (seen.length === 150) await stopServer(first.child);
      }
    } catch (error) {
      readError = error;
    }
    progress.appending = false;
    const appendError = await appender;
    const afterStop = await Promise.allSettled([
      store.appendToStream('order-s', [informationRequested('s', 'too late')]),
      collect(store.readAll()),
    ]);
    await store.close();

    const second = await startServer(dataDirectory, port);
    running = second.child;
    const restarted = new PostgreSQLEventStore(second.url, { schema: 'shutdown' });
    const stream = await collect(restarted.readStream('order-s'));
    const live = await collect(restarted.readStream('order-live')).catch(() => []);
    await restarted.close();
    await stopServer(second.child);
    running = undefined;

    expect(seen.length).toBeGreaterThanOrEqual(150);
    expect(seen.length).toBeLessThan(1000 + acknowledged.length);
    expect(codeOf(readError)).toBe('STORE_UNAVAILABLE');
    expect(appendError).toBe('STORE_UNAVAILABLE');
    expect(
      afterStop.map((outcome) =>
        outcome.status === 'rejected' ? codeOf(outcome.reason) : 'resolved',
      ),
    ).toEqual(['STORE_UNAVAILABLE', 'STORE_UNAVAILABLE']);
    // Nothing committed is lost: every event of order-s, every acknowledged live append,
    // and what the interrupted read yielded, as it was.
    expect(stream.length).toBe(1000);
    expect(stream.slice(1).map(labelOf)).toEqual(
      Array.from({ length: 9 }, (_, b) =>
        Array.from({ length: 111 }, (__, n) => `b${b}-${n}`),
      ).flat(),
    );
    const liveRevisions = new Set(live.map((event) => event.revision));
    expect(
      acknowledged.filter((result) => !liveRevisions.has(result.nextExpectedRevision)),
    ).toEqual([]);
    const stored = new Map(
      [...stream, ...live].map((event) => [event.metadata.eventId, labelOf(event)]),
    );
    expect(seen.filter((event) => stored.get(event.metadata.eventId) !== labelOf(event))).toEqual(
      [],
    );
  }, 60_000);
});
