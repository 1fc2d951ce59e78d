// The protocol test double, driven by the raw @eventstore/db-client, against what a real
// EventStoreDB server answers (0-based revisions, positions, created ticks, metadata, errors).
import { credentials, Metadata } from '@grpc/grpc-js';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { Empty, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import {
  AppendReq,
  BatchAppendReq,
  ReadReq,
  type BatchAppendResp,
  type ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import { UUID } from '@eventstore/db-client/generated/shared_pb';
import { startEventStoreDBTestServer, type EventStoreDBTestServer } from './server';
import { streamIdentifier, streamNameOf } from './messages';

const CLOCK = new Date('2026-03-01T12:00:00.123Z');
const ID = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const event = (n: number) => jsonEvent({ id: ID(n), type: 'Counted', data: { n } });
// '{"n":1}' is 7 bytes and there is no custom metadata: each record takes 128 + 7 bytes.
const STEP = 135n;

let server: EventStoreDBTestServer;
let client: EventStoreDBClient;

beforeAll(async () => {
  server = await startEventStoreDBTestServer({ now: () => CLOCK });
  client = EventStoreDBClient.connectionString(server.connectionString);
});
afterAll(async () => {
  await client.dispose();
  await server.stop();
});
beforeEach(() => {
  server.reset();
});

const collect = async (reads: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> => {
  const out: ResolvedEvent[] = [];
  for await (const resolved of reads) out.push(resolved);
  return out;
};

const summary = (resolved: readonly ResolvedEvent[]) =>
  resolved.map(({ event: e }) => [e?.streamId, e?.revision, e?.position?.commit]);

// Real servers from 21.10 on advertise Streams.BatchAppend and the client then appends with it;
// older ones speak Streams.Append only. Both paths give the same answers.
describe.each([
  ['Streams.BatchAppend', true],
  ['Streams.Append', false],
])('protocol test double: appends through %s', (_path, batchAppend) => {
  let server: EventStoreDBTestServer;
  let client: EventStoreDBClient;
  beforeAll(async () => {
    server = await startEventStoreDBTestServer({ now: () => CLOCK, batchAppend });
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });
  beforeEach(() => {
    server.reset();
  });

  it('numbers revisions from 0 and answers with the position of the last event written', async () => {
    const first = await client.appendToStream('order-a', event(1), { expectedRevision: NO_STREAM });
    const second = await client.appendToStream('order-a', [event(2), event(3)], {
      expectedRevision: 0n,
    });
    expect(first).toEqual({
      success: true,
      nextExpectedRevision: 0n,
      position: { commit: 0n, prepare: 0n },
    });
    expect(second).toEqual({
      success: true,
      nextExpectedRevision: 2n,
      position: { commit: 2n * STEP, prepare: 2n * STEP },
    });
  });

  it('answers a wrong expected revision with the actual and the expected revision', async () => {
    await client.appendToStream('order-a', [event(1), event(2)]);
    const failures = await Promise.all([
      client.appendToStream('order-a', event(3), { expectedRevision: 5n }).catch((e: unknown) => e),
      client
        .appendToStream('order-a', event(3), { expectedRevision: NO_STREAM })
        .catch((e: unknown) => e),
      client
        .appendToStream('order-b', event(3), { expectedRevision: STREAM_EXISTS })
        .catch((e: unknown) => e),
      client.appendToStream('order-b', event(3), { expectedRevision: 0n }).catch((e: unknown) => e),
    ]);
    expect(
      failures.map((e) =>
        e instanceof WrongExpectedVersionError
          ? [e.streamName, e.expectedVersion, e.actualVersion]
          : e,
      ),
    ).toEqual([
      ['order-a', 5n, 1n],
      ['order-a', 'no_stream', 1n],
      ['order-b', 'stream_exists', 'no_stream'],
      ['order-b', 0n, 'no_stream'],
    ]);
  });

  it('answers a retried write (same event ids) with success and writes nothing', async () => {
    await client.appendToStream('order-a', [event(1), event(2)], { expectedRevision: NO_STREAM });
    const retried = await client.appendToStream('order-a', [event(1), event(2)], {
      expectedRevision: NO_STREAM,
    });
    expect(retried).toEqual({
      success: true,
      nextExpectedRevision: 1n,
      position: { commit: STEP, prepare: STEP },
    });
    expect(summary(await collect(client.readStream('order-a')))).toEqual([
      ['order-a', 0n, 0n],
      ['order-a', 1n, STEP],
    ]);
  });
});

describe('protocol test double: a proposed event without type metadata', () => {
  it('is refused with INVALID_ARGUMENT naming the missing properties, and nothing is written', async () => {
    const raw = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    const failure = await new Promise<{ code: unknown; properties: unknown }>((resolve) => {
      const call = raw.append(new Metadata(), (error: unknown) => {
        resolve({
          code: typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : error,
          properties:
            error instanceof Error && 'metadata' in error && error.metadata instanceof Metadata
              ? error.metadata.get('required-metadata-properties')
              : undefined,
        });
      });
      call.write(
        new AppendReq().setOptions(
          new AppendReq.Options()
            .setStreamIdentifier(streamIdentifier('order-untyped'))
            .setAny(new Empty()),
        ),
      );
      call.write(
        new AppendReq().setProposedMessage(
          new AppendReq.ProposedMessage()
            .setId(new UUID().setString(ID(1)))
            .setData(Buffer.from('{}')),
        ),
      );
      call.end();
    });
    raw.close();
    expect(failure).toEqual({ code: 3, properties: ['type,content-type'] });
    expect(
      await collect(client.readStream('order-untyped')).catch((e: unknown) => e),
    ).toBeInstanceOf(StreamNotFoundError);
  });
});

describe('protocol test double: server features', () => {
  const advertised = async (port: number): Promise<string[]> => {
    const raw = new ServerFeaturesClient(`127.0.0.1:${port}`, credentials.createInsecure());
    const methods = await new Promise<SupportedMethods>((resolve, reject) => {
      raw.getSupportedMethods(new Empty(), (error, response) => {
        if (error === null) resolve(response);
        else reject(error);
      });
    });
    raw.close();
    return methods
      .getMethodsList()
      .map((method) => `${method.getServiceName()}/${method.getMethodName()}`);
  };

  it('advertises Streams.BatchAppend as real servers do, unless started without it', async () => {
    const older = await startEventStoreDBTestServer({ batchAppend: false });
    try {
      expect({
        default: await advertised(server.port),
        older: await advertised(older.port),
      }).toEqual({
        default: [
          'event_store.client.streams.Streams/read',
          'event_store.client.streams.Streams/append',
          'event_store.client.streams.Streams/batchappend',
        ],
        older: [
          'event_store.client.streams.Streams/read',
          'event_store.client.streams.Streams/append',
        ],
      });
    } finally {
      await older.stop();
    }
  });
});

describe('protocol test double: Streams.BatchAppend on the wire', () => {
  const CORRELATION = '11111111-2222-4333-8444-555555555555';
  const proposed = (n: number): BatchAppendReq.ProposedMessage => {
    const message = new BatchAppendReq.ProposedMessage()
      .setId(new UUID().setString(ID(n)))
      .setData(Buffer.from(`{"n":${n}}`));
    message.getMetadataMap().set('type', 'Counted');
    message.getMetadataMap().set('content-type', 'application/json');
    return message;
  };
  const batchAppend = (requests: readonly BatchAppendReq[]): Promise<BatchAppendResp[]> => {
    const raw = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    const call = raw.batchAppend();
    const responses: BatchAppendResp[] = [];
    return new Promise<BatchAppendResp[]>((resolve, reject) => {
      call.on('data', (response: BatchAppendResp) => {
        responses.push(response);
        if (responses.length === 1) call.end();
      });
      call.on('end', () => {
        resolve(responses);
      });
      call.on('error', reject);
      for (const request of requests) call.write(request);
    }).finally(() => {
      raw.close();
    });
  };
  const first = (expected: (options: BatchAppendReq.Options) => void): BatchAppendReq => {
    const options = new BatchAppendReq.Options().setStreamIdentifier(streamIdentifier('order-w'));
    expected(options);
    return new BatchAppendReq()
      .setCorrelationId(new UUID().setString(CORRELATION))
      .setOptions(options)
      .setProposedMessagesList([proposed(1)])
      .setIsFinal(false);
  };
  const last = new BatchAppendReq()
    .setCorrelationId(new UUID().setString(CORRELATION))
    .setProposedMessagesList([proposed(2)])
    .setIsFinal(true);

  it('writes the messages of every request up to is_final and echoes the correlation id', async () => {
    const [response] = await batchAppend([first((o) => o.setNoStream(new ProtobufEmpty())), last]);
    expect({
      correlation: response?.getCorrelationId()?.getString(),
      stream: streamNameOf(response?.getStreamIdentifier()),
      expectedNoStream: response?.hasNoStream(),
      revision: response?.getSuccess()?.getCurrentRevision(),
      position: response?.getSuccess()?.getPosition()?.getCommitPosition(),
    }).toEqual({
      correlation: CORRELATION,
      stream: 'order-w',
      expectedNoStream: true,
      revision: '1',
      position: STEP.toString(),
    });
  });

  it('answers a wrong expected position with a status packing WrongExpectedVersion', async () => {
    const [response] = await batchAppend([first((o) => o.setStreamPosition('4')), last]);
    const status = response?.getError();
    const details = status
      ?.getDetails()
      ?.unpack(
        (bytes) => WrongExpectedVersion.deserializeBinary(bytes),
        'event_store.client.WrongExpectedVersion',
      );
    expect({
      code: status?.getCode(),
      currentNoStream: details?.hasCurrentNoStream(),
      expected: details?.getExpectedStreamPosition(),
    }).toEqual({ code: 9, currentNoStream: true, expected: '4' });
  });
});

describe('protocol test double: reads', () => {
  beforeEach(async () => {
    await client.appendToStream('order-a', [event(1), event(2)]);
    await client.appendToStream('$system', event(3));
    await client.appendToStream('order-b', event(4), {
      expectedRevision: NO_STREAM,
    });
    await client.appendToStream('order-a', event(5));
  });

  it('reads a recorded event with its id, type, JSON data, created time and position', async () => {
    const [first] = await collect(client.readStream('order-a', { maxCount: 1 }));
    expect(first?.event).toEqual({
      streamId: 'order-a',
      id: ID(1),
      revision: 0n,
      type: 'Counted',
      data: { n: 1 },
      metadata: undefined,
      isJson: true,
      created: CLOCK,
      position: { commit: 0n, prepare: 0n },
    });
    expect(first?.commitPosition).toBe(0n);
  });

  it('sends type, content-type and created (100-ns ticks since the Unix epoch) on the wire', async () => {
    const raw = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    const request = new ReadReq().setOptions(
      new ReadReq.Options()
        .setStream(
          new ReadReq.Options.StreamOptions()
            .setStreamIdentifier(streamIdentifier('order-b'))
            .setStart(new Empty()),
        )
        .setCount('10')
        .setNoFilter(new Empty())
        .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty())),
    );
    const messages = await new Promise<ReadResp[]>((resolve, reject) => {
      const out: ReadResp[] = [];
      raw
        .read(request, new Metadata())
        .on('data', (message: ReadResp) => out.push(message))
        .on('error', reject)
        .on('end', () => {
          resolve(out);
        });
    });
    raw.close();
    const recorded = messages[0]?.getEvent()?.getEvent();
    expect(messages).toHaveLength(1);
    expect(recorded?.getMetadataMap().toArray()).toEqual([
      ['content-type', 'application/json'],
      ['created', '17723664001230000'], // 1772366400123 ms × 10 000
      ['type', 'Counted'],
    ]);
    expect([recorded?.getStreamRevision(), recorded?.getCommitPosition()]).toEqual([
      '0',
      (3n * STEP).toString(),
    ]);
  });

  it('reads a stream backwards from the end, and from a revision including it', async () => {
    expect(
      summary(
        await collect(client.readStream('order-a', { direction: BACKWARDS, fromRevision: END })),
      ),
    ).toEqual([
      ['order-a', 2n, 4n * STEP],
      ['order-a', 1n, STEP],
      ['order-a', 0n, 0n],
    ]);
    expect(
      summary(
        await collect(
          client.readStream('order-a', { direction: BACKWARDS, fromRevision: 1n, maxCount: 1 }),
        ),
      ),
    ).toEqual([['order-a', 1n, STEP]]);
    expect(summary(await collect(client.readStream('order-a', { fromRevision: 1n })))).toEqual([
      ['order-a', 1n, STEP],
      ['order-a', 2n, 4n * STEP],
    ]);
  });

  it('answers a read of a missing stream with stream-not-found', async () => {
    const failure = await collect(client.readStream('order-missing')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StreamNotFoundError);
    expect(failure instanceof StreamNotFoundError ? failure.streamName : undefined).toBe(
      'order-missing',
    );
  });

  it('reads $all forwards including the event at fromPosition, as EventStoreDB does', async () => {
    expect(
      summary(
        await collect(
          client.readAll({ fromPosition: { commit: STEP, prepare: STEP }, maxCount: 2 }),
        ),
      ),
    ).toEqual([
      ['order-a', 1n, STEP],
      ['$system', 0n, 2n * STEP],
    ]);
  });

  it('reads $all backwards from the end, and from a position excluding it', async () => {
    expect(
      summary(await collect(client.readAll({ direction: BACKWARDS, fromPosition: END }))),
    ).toEqual([
      ['order-a', 2n, 4n * STEP],
      ['order-b', 0n, 3n * STEP],
      ['$system', 0n, 2n * STEP],
      ['order-a', 1n, STEP],
      ['order-a', 0n, 0n],
    ]);
    expect(
      summary(
        await collect(
          client.readAll({
            direction: BACKWARDS,
            fromPosition: { commit: 2n * STEP, prepare: 2n * STEP },
          }),
        ),
      ),
    ).toEqual([
      ['order-a', 1n, STEP],
      ['order-a', 0n, 0n],
    ]);
    expect(await collect(client.readAll({ direction: BACKWARDS, fromPosition: START }))).toEqual(
      [],
    );
  });
});

describe('protocol test double: subscriptions to $all', () => {
  it('confirms, sends past events, caught-up, then live events; drops the listener on cancel', async () => {
    await client.appendToStream('order-a', event(1));
    await client.appendToStream('other', event(2));
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: streamNameFilter({ prefixes: ['order-'] }),
    });
    const signals: string[] = [];
    subscription.on('confirmation', () => signals.push('confirmation'));
    const caughtUp = new Promise<void>((resolve) => {
      subscription.on('caughtUp', () => {
        signals.push('caught-up');
        resolve();
      });
    });
    const received: unknown[] = [];
    const consumed = (async () => {
      for await (const resolved of subscription) {
        received.push([resolved.event?.streamId, resolved.event?.revision]);
        if (received.length === 3) break;
      }
    })();
    await caughtUp;
    await client.appendToStream('other', event(3));
    await client.appendToStream('order-b', event(4));
    await client.appendToStream('order-a', event(5));
    await consumed;
    await subscription.unsubscribe();
    expect(signals).toEqual(['confirmation', 'caught-up']);
    expect(received).toEqual([
      ['order-a', 0n],
      ['order-b', 0n],
      ['order-a', 1n],
    ]);
    await waitFor(() => server.subscriptionCount() === 0);
    expect(server.subscriptionCount()).toBe(0);
  });

  it('from a position delivers only the events after it', async () => {
    await client.appendToStream('order-a', [event(1), event(2), event(3)]);
    const subscription = client.subscribeToAll({ fromPosition: { commit: STEP, prepare: STEP } });
    const received: unknown[] = [];
    for await (const resolved of subscription) {
      received.push(resolved.event?.revision);
      break;
    }
    await subscription.unsubscribe();
    expect(received).toEqual([2n]);
  });
});

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
