import { collect, collectUntilError, errorFields, ofTest, rejectionOf } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { rawMetadata, stopRequested } from './fixtures';

// Schema 0 of ShippedWithTracking named the tracking number `trackingNo`.
const shippedV0 = (orderId: string) => ({
  orderId,
  carrier: 'PostNord',
  trackingNo: 'PN-OLD-1',
  shippedAt: '2026-03-01T15:00:00Z',
  reportedAt: '2026-03-02T12:00:00Z',
});

const shippedV1 = (orderId: string) => ({
  orderId,
  carrier: 'PostNord',
  trackingNumber: 'PN-OLD-1',
  shippedAt: '2026-03-01T15:00:00Z',
  reportedAt: '2026-03-02T12:00:00Z',
});

export const describeUpcasting = (context: ContractContext): void => {
  describe('upcasting', () => {
    it(
      'given a stored schema-0 ShippedWithTracking with trackingNo, when read, then its data has trackingNumber and its metadata keeps schemaVersion 0',
      async () => {
        const { stream, orderId } = context.order('upcast-read');
        const marker = context.order('marker');
        const { position } = await context
          .store()
          .appendToStream(marker.stream, [stopRequested(marker.orderId)]);
        const metadata = rawMetadata(0);
        await context
          .subject()
          .writeRaw(stream, { type: 'ShippedWithTracking', data: shippedV0(orderId), metadata });
        const fromStream = await collect(context.store().readStream(stream));
        const fromAll = ofTest(
          await collect(context.store().readAll({ fromPosition: position })),
          context.tag(),
        );

        for (const events of [fromStream, fromAll])
          expect(events.map((event) => [event.type, event.data, event.metadata])).toEqual([
            ['ShippedWithTracking', shippedV1(orderId), metadata],
          ]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'when a schema-0 event is appended with metadata.schemaVersion 0, then it is validated after upcasting and reads back upcast',
      async () => {
        const { stream, orderId } = context.order('upcast-append');
        await context.store().appendToStream(stream, [
          {
            type: 'ShippedWithTracking',
            data: shippedV0(orderId),
            metadata: { schemaVersion: 0 },
          },
        ]);
        const events = await collect(context.store().readStream(stream));

        expect(events.map((event) => [event.data, event.metadata.schemaVersion])).toEqual([
          [shippedV1(orderId), 0],
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'when a schema-0 event that does not upcast into a valid one is appended, then it rejects with INVALID_EVENT and writes nothing',
      async () => {
        const { stream, orderId } = context.order('upcast-invalid');
        const withoutTracking = { ...shippedV1(orderId), trackingNumber: undefined };
        const error = await rejectionOf(
          context.store().appendToStream(stream, [
            {
              type: 'ShippedWithTracking',
              data: withoutTracking,
              metadata: { schemaVersion: 0 },
            },
          ]),
        );

        expect(errorFields(error)).toEqual({
          name: 'EventStoreError',
          code: 'INVALID_EVENT',
          streamId: stream,
          expected: undefined,
          actual: undefined,
          revision: undefined,
        });
        expect(
          errorFields((await collectUntilError(context.store().readStream(stream))).error),
        ).toMatchObject({
          code: 'STREAM_NOT_FOUND',
        });
      },
      CONTRACT_TIMEOUT_MS,
    );
  });
};
