import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import type { EventStore, RecordedEvent } from '../port';
import {
  bookSettlement,
  concludeFraud,
  countingConflicts,
  coveredLines,
  recordDispute,
  reportShipment,
  requestInformation,
  requestStop,
  STREAM,
} from '../__fixtures__/case';
import { CommandRejectedError } from './command-rejected-error';
import { handle } from './handle';

const readAll = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(STREAM)) events.push(event);
  return events;
};

const range = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

describe('handle: a race of 50 concurrent commands on one order', () => {
  it('given a case under investigation, when 50 information requests race, then all 50 are recorded once each at revisions 1..50', async () => {
    const inner = new InMemoryEventStore();
    await handle(inner, requestStop());
    const { store, conflicts } = countingConflicts(inner);

    // Enough retries for the last of 50 writers to get its turn.
    const results = await Promise.all(
      range(50).map((question) => handle(store, requestInformation(question), { retries: 50 })),
    );
    const events = await readAll(inner);

    expect(events.length).toBe(51);
    expect(events.map((event) => event.revision)).toEqual([0, ...range(50)].map(BigInt));
    const topics = events.flatMap((event) =>
      event.type === 'InformationRequested' ? [event.data.topic] : [],
    );
    expect([...topics].sort()).toEqual(
      range(50)
        .map((n) => `question ${n}`)
        .sort(),
    );
    expect(
      results.map((result) => result.nextExpectedRevision).sort((a, b) => Number(a) - Number(b)),
    ).toEqual(range(50).map(BigInt));
    // Every result reports its own event, as stored.
    expect(
      results
        .map((result) => result.appended.map((event) => event.metadata.eventId))
        .flat()
        .sort(),
    ).toEqual(
      events
        .slice(1)
        .map((event) => event.metadata.eventId)
        .sort(),
    );
    // The writers really raced: appends were refused and retried.
    expect(conflicts()).toBeGreaterThan(0);
  });

  it('given a concluded fraud case, when 50 BookSettlement commands race, then exactly one settlement is booked and 49 are refused with ALREADY_SETTLED', async () => {
    const inner = new InMemoryEventStore();
    for (const command of [requestStop(), reportShipment(), recordDispute, concludeFraud])
      await handle(inner, command);
    const { store, conflicts } = countingConflicts(inner);

    const outcomes = await Promise.allSettled(range(50).map(() => handle(store, bookSettlement)));
    const events = await readAll(inner);

    const booked = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const refused = outcomes.flatMap((o) =>
      o.status === 'rejected' && o.reason instanceof CommandRejectedError ? [o.reason.code] : [],
    );
    expect(booked.length).toBe(1);
    expect(refused).toEqual(range(49).map(() => 'ALREADY_SETTLED'));
    expect(events.filter((event) => event.type === 'SettlementBooked').length).toBe(1);
    expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    expect(booked[0]?.decision.settlementLines).toEqual(coveredLines);
    expect(conflicts()).toBe(49);
  });

  it('given one form submitted 10 times at once with the same key, then one dispute is recorded: the racing appends carry the same event ids and are answered with the first, without a conflict', async () => {
    const inner = new InMemoryEventStore();
    await handle(inner, requestStop());

    const results = await Promise.all(
      range(10).map(() => handle(inner, recordDispute, { idempotencyKey: 'form-submission-5' })),
    );
    const events = await readAll(inner);

    // None saw the key when it read; the store recognised their appends by their event ids.
    expect(results.map((result) => [result.duplicate, result.attempts])).toEqual(
      range(10).map(() => [false, 1]),
    );
    expect(events.map((event) => event.type)).toEqual(['StopRequested', 'Disputed']);
    const appended = results.map((result) => result.appended);
    expect(appended).toEqual(range(10).map(() => [events[1]]));
  });
});
