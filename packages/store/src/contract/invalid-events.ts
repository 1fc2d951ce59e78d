import { randomUUID } from 'node:crypto';
import { EventStoreError } from '../errors';
import type { NewEvent } from '../port';
import { collect, collectUntilError, errorFields, ofTest, placeOf, rejectionOf } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { disputed, informationRequested, rawMetadata, stopRequested } from './fixtures';

const invalidEventFields = (streamId: string, revision: bigint | undefined) => ({
  name: 'EventStoreError',
  code: 'INVALID_EVENT',
  streamId,
  expected: undefined,
  actual: undefined,
  revision,
});

export const describeInvalidEvents = (context: ContractContext): void => {
  // Revision 0 valid, 1 a Disputed without disputedAt, 2 valid; after a marker event, so that
  // readAll can start after it (a shared server may hold invalid events of earlier runs).
  const plantInvalid = async () => {
    const { stream, orderId } = context.order('planted');
    const marker = context.order('marker');
    const { writeRaw, store } = context.subject();
    const { position } = await store.appendToStream(marker.stream, [stopRequested(marker.orderId)]);
    await writeRaw(stream, { ...stopRequested(orderId), metadata: rawMetadata() });
    await writeRaw(stream, { type: 'Disputed', data: { orderId }, metadata: rawMetadata() });
    await writeRaw(stream, { ...disputed(orderId), metadata: rawMetadata() });
    return { stream, marker: position };
  };

  describe('invalid events on read', () => {
    it(
      'given a stored event that fails its codec, when the stream is read, then it yields the events before it and rejects with INVALID_EVENT naming stream, revision and reason',
      async () => {
        const { stream } = await plantInvalid();
        const read = await collectUntilError(context.store().readStream(stream));

        expect(read.events.map((event) => event.revision)).toEqual([0n]);
        expect(read.error).toBeInstanceOf(EventStoreError);
        expect(errorFields(read.error)).toEqual(invalidEventFields(stream, 1n));
        expect(read.error instanceof Error ? read.error.message : read.error).toBe(
          `Invalid event in stream ${stream} at revision 1: data.disputedAt: expected an ISO-8601 UTC time such as 2026-03-01T10:00:00Z, got nothing`,
        );
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given a stored event that fails its codec, when the stream is read with onInvalidEvent, then it is reported once and skipped',
      async () => {
        const { stream } = await plantInvalid();
        const reported: unknown[] = [];
        const events = await collect(
          context.store().readStream(stream, { onInvalidEvent: (error) => reported.push(error) }),
        );

        expect(events.map((event) => [event.revision, event.type])).toEqual([
          [0n, 'StopRequested'],
          [2n, 'Disputed'],
        ]);
        expect(reported.map(errorFields)).toEqual([invalidEventFields(stream, 1n)]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given a stored event that fails its codec, when reading all, then it rejects with INVALID_EVENT; with onInvalidEvent it reports and skips it',
      async () => {
        const { stream, marker } = await plantInvalid();
        const failing = await collectUntilError(context.store().readAll({ fromPosition: marker }));
        const reported: unknown[] = [];
        const skipping = await collect(
          context
            .store()
            .readAll({ fromPosition: marker, onInvalidEvent: (error) => reported.push(error) }),
        );

        expect(ofTest(failing.events, context.tag()).map(placeOf)).toEqual([`${stream}@0`]);
        expect(errorFields(failing.error)).toEqual(invalidEventFields(stream, 1n));
        expect(ofTest(skipping, context.tag()).map(placeOf)).toEqual([
          `${stream}@0`,
          `${stream}@2`,
        ]);
        expect(reported.map(errorFields)).toEqual([invalidEventFields(stream, 1n)]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    const badStored: readonly {
      readonly what: string;
      readonly type: string;
      readonly metadata: Record<string, unknown>;
      readonly reason: string;
    }[] = [
      {
        what: 'metadata without an eventId',
        type: 'Disputed',
        metadata: { recordedAt: '2026-03-12T10:00:00.000Z', schemaVersion: 1 },
        reason: 'metadata.eventId: expected a non-empty text, got nothing',
      },
      {
        what: 'a schemaVersion newer than this library',
        type: 'Disputed',
        metadata: {
          eventId: randomUUID(),
          recordedAt: '2026-03-12T10:00:00.000Z',
          schemaVersion: 2,
        },
        reason:
          'metadata.schemaVersion: expected a schema version, a whole number from 0 to 1, got 2',
      },
      {
        what: 'an unknown event type',
        type: 'OrderTeleported',
        metadata: {
          eventId: randomUUID(),
          recordedAt: '2026-03-12T10:00:00.000Z',
          schemaVersion: 1,
        },
        reason:
          'type: expected one of StopRequested, OrderStopped, ServiceCouldNotBeInterrupted, ShippedWithTracking, ShippedWithoutTracking, RecallRequested, Returned, Disputed, InvoiceOverdue, InformationRequested, InformationProvided, InvestigationConcluded, SettlementBooked, got "OrderTeleported"',
      },
    ];
    for (const { what, type, metadata, reason } of badStored) {
      it(
        `given a stored event with ${what}, when the stream is read, then it rejects with INVALID_EVENT saying so`,
        async () => {
          const { stream, orderId } = context.order('bad-stored');
          await context
            .subject()
            .writeRaw(stream, { type, data: disputed(orderId).data, metadata });
          const read = await collectUntilError(context.store().readStream(stream));

          expect(read.events).toEqual([]);
          expect(errorFields(read.error)).toEqual(invalidEventFields(stream, 0n));
          expect(read.error instanceof Error ? read.error.message : read.error).toBe(
            `Invalid event in stream ${stream} at revision 0: ${reason}`,
          );
        },
        CONTRACT_TIMEOUT_MS,
      );
    }
  });

  describe('invalid events on append', () => {
    const badAppends: readonly {
      readonly what: string;
      readonly events: (orderId: string) => readonly NewEvent[];
      readonly reason: (orderId: string) => string;
    }[] = [
      {
        what: 'a valid event followed by one with a fractional amount',
        events: (orderId) => [
          stopRequested(orderId),
          {
            type: 'ShippedWithTracking',
            data: {
              orderId,
              carrier: 'PostNord',
              trackingNumber: 'PN-1',
              shippedAt: '2026-03-01T15:00:00Z',
              reportedAt: '2026-03-02T12:00:00Z',
              amount: 10.5,
              taxAmount: 2,
            },
          },
        ],
        reason: () =>
          'event 1 of the append: ShippedWithTracking data.amount: expected a non-negative whole amount in minor units (a safe integer, no decimals), got 10.5',
      },
      {
        what: 'no events at all',
        events: () => [],
        reason: () =>
          'an append needs a non-empty list of events { type, data, metadata? }, got []',
      },
      {
        what: 'an eventId that is not a UUID',
        events: (orderId) => [{ ...stopRequested(orderId), metadata: { eventId: 'event-1' } }],
        reason: () =>
          'event 0 of the append: StopRequested metadata.eventId: expected a UUID such as 0b5f5c3e-2a0e-4c7e-9f55-3c1f0c2b8e11, got "event-1"',
      },
      {
        what: 'a schemaVersion newer than this library',
        events: (orderId) => [{ ...stopRequested(orderId), metadata: { schemaVersion: 2 } }],
        reason: () =>
          'event 0 of the append: StopRequested metadata.schemaVersion: expected a schema version, a whole number from 0 to 1, got 2',
      },
    ];
    for (const { what, events, reason } of badAppends) {
      it(
        `given a stream at 0n, when appending ${what}, then it rejects with INVALID_EVENT and writes nothing`,
        async () => {
          const { stream, orderId } = context.order('bad-append');
          const store = context.store();
          await store.appendToStream(stream, [informationRequested(orderId, 1)]);
          const error = await rejectionOf(
            store.appendToStream(stream, events(orderId), { expectedRevision: 0n }),
          );

          expect(error).toBeInstanceOf(EventStoreError);
          expect(errorFields(error)).toEqual(invalidEventFields(stream, undefined));
          expect(error instanceof Error ? error.message : error).toBe(
            `Invalid event in stream ${stream}: ${reason(orderId)}`,
          );
          expect((await collect(store.readStream(stream))).map((event) => event.revision)).toEqual([
            0n,
          ]);
        },
        CONTRACT_TIMEOUT_MS,
      );
    }

    it(
      'given no stream, when appending an invalid event, then it rejects with INVALID_EVENT and the stream still does not exist',
      async () => {
        const { stream, orderId } = context.order('bad-first');
        const store = context.store();
        const error = await rejectionOf(
          store.appendToStream(stream, [
            { type: 'Disputed', data: { orderId, disputedAt: '2026-02-30T10:00:00Z' } },
          ]),
        );
        const read = await collectUntilError(store.readStream(stream));

        expect(errorFields(error)).toEqual(invalidEventFields(stream, undefined));
        expect(errorFields(read.error)).toMatchObject({
          code: 'STREAM_NOT_FOUND',
          streamId: stream,
        });
      },
      CONTRACT_TIMEOUT_MS,
    );
  });
};
