// Issue 8: the command handler against a real PostgreSQL server that is stopped and started
// again, between and during appends. It repeats what is safe, surfaces STORE_UNAVAILABLE
// otherwise, and an append that landed but whose reply was lost is not stored twice.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { handle } from '@order-liability/store';
import { FaultInjectingEventStore } from '@order-liability/store/testing';
import { PostgreSQLEventStore } from './postgresql-event-store';
import { recordDispute, reportShipment, requestStop } from './testing/case-fixtures';
import type { ChildScript } from './testing/child-process';
import { codeOf, collect } from './testing/collect';
import { freePort, startServer, stopServer } from './testing/restartable-server';

describe('handle while the PostgreSQL server stops and starts again', () => {
  let scratch = '';
  let running: ChildScript | undefined;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'order-liability-restart-'));
    await chmod(scratch, 0o755);
  });

  afterAll(async () => {
    running?.process.kill('SIGINT');
    if (running !== undefined) await running.exited;
    await rm(scratch, { recursive: true, force: true });
  });

  it('surfaces STORE_UNAVAILABLE while the server is down, stores nothing twice on resubmission, and rides out a restart during its repeats', async () => {
    const dataDirectory = join(scratch, 'data');
    const port = await freePort();
    const first = await startServer(dataDirectory, port);
    running = first.child;
    const store = new PostgreSQLEventStore(first.url, { schema: 'restart' });
    await store.migrate();
    await handle(store, requestStop('r1'));

    // Between appends: the server is down, the handler gives up after its repeats.
    await stopServer(first.child);
    running = undefined;
    const whileDown = await handle(store, reportShipment('r1'), {
      idempotencyKey: 'form-1',
      unavailableRetries: 1,
      retryDelayMs: 10,
    }).then(
      () => 'resolved',
      (error: unknown) => codeOf(error),
    );

    // The same form sent again after the restart is stored once.
    const second = await startServer(dataDirectory, port);
    running = second.child;
    const resubmitted = await handle(store, reportShipment('r1'), { idempotencyKey: 'form-1' });
    const again = await handle(store, reportShipment('r1'), { idempotencyKey: 'form-1' });

    // During repeats: the server goes down as a command starts and comes back while the
    // handler waits between repeats.
    await stopServer(second.child);
    running = undefined;
    const during = handle(store, recordDispute('r1'), { unavailableRetries: 8, retryDelayMs: 100 });
    await sleep(150);
    const third = await startServer(dataDirectory, port);
    running = third.child;
    const disputed = await during;

    // A reply lost after the commit: the handler repeats with the same event ids.
    const lossy = new FaultInjectingEventStore(store, {
      append: (call) => (call === 1 ? 'reply-lost' : undefined),
    });
    const afterLostReply = await handle(lossy, requestStop('r2'), { retryDelayMs: 10 });

    const r1 = (await collect(store.readStream('order-r1'))).map((e) => `${e.revision} ${e.type}`);
    const r2 = (await collect(store.readStream('order-r2'))).map((e) => `${e.revision} ${e.type}`);
    await store.close();
    await stopServer(third.child);
    running = undefined;

    expect(whileDown).toBe('STORE_UNAVAILABLE');
    expect([resubmitted.duplicate, again.duplicate, again.appended.map((e) => e.revision)]).toEqual(
      [false, true, [1n, 2n]],
    );
    expect([disputed.appended.map((e) => `${e.revision} ${e.type}`), disputed.attempts]).toEqual([
      ['3 Disputed'],
      1,
    ]);
    expect([afterLostReply.nextExpectedRevision, lossy.calls.appends]).toEqual([0n, 2]);
    expect(r1).toEqual([
      '0 StopRequested',
      '1 ShippedWithTracking',
      '2 RecallRequested',
      '3 Disputed',
    ]);
    expect(r2).toEqual(['0 StopRequested']);
  }, 120_000);
});
