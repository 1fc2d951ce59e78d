import { createHash } from 'node:crypto';
import { requestStop, reportShipment, STREAM } from './__fixtures__/case';
import { EVENT_ID_NAMESPACE, newEventId, submissionEventId } from './event-ids';
import { handle } from './handler/handle';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

// RFC 9562 UUIDv5, written out with node:crypto, to check the library's result independently.
const uuidV5 = (name: string, namespace: string): string => {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

describe('event ids', () => {
  it('given new events, then ids are UUIDv7 and increase in the order they were made', () => {
    const ids = Array.from({ length: 1000 }, () => newEventId());

    expect(
      ids.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });

  it('given an idempotency key, then the id is the UUIDv5 of [stream, key, index] in the documented namespace', () => {
    const id = submissionEventId('order-4711', 'stop-form-118', 0);

    expect(id).toBe(uuidV5('["order-4711","stop-form-118",0]', EVENT_ID_NAMESPACE));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(submissionEventId('order-4711', 'stop-form-118', 1)).not.toBe(id);
    expect(submissionEventId('order-4712', 'stop-form-118', 0)).not.toBe(id);
    expect(EVENT_ID_NAMESPACE).toBe('7131abb3-68cf-4304-8794-43691aecb34e');
  });

  it('given a command with an idempotency key, then handle appends its events with those ids', async () => {
    const store = new InMemoryEventStore();
    await handle(store, requestStop());

    const result = await handle(store, reportShipment(), { idempotencyKey: 'form-7' });

    expect(result.appended.map((event) => event.metadata.eventId)).toEqual([
      submissionEventId(STREAM, 'form-7', 0),
      submissionEventId(STREAM, 'form-7', 1),
    ]);
  });

  it('given two submissions of one command racing with the same key (two processes), then the second append is recognised as the first: stored once, no conflict', async () => {
    const store = new InMemoryEventStore();
    await handle(store, requestStop());

    const [first, second] = await Promise.all([
      handle(store, reportShipment(), { idempotencyKey: 'form-7' }),
      handle(store, reportShipment(), { idempotencyKey: 'form-7' }),
    ]);
    const stream: string[] = [];
    for await (const event of store.readStream(STREAM)) stream.push(event.type);

    expect(stream).toEqual(['StopRequested', 'ShippedWithTracking', 'RecallRequested']);
    expect([first.attempts, second.attempts]).toEqual([1, 1]);
    expect(second.appended).toEqual(first.appended);
  });
});
