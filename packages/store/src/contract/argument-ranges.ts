import { isInvalidArgumentError, MAX_REVISION, MAX_STREAM_NAME_BYTES } from '../invalid-argument';
import { collect, rejectionOf } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { disputed, stopRequested } from './fixtures';

// What retrying cannot fix is refused the same way by every store, before it reaches the
// database: an InvalidArgumentError (code INVALID_ARGUMENT), never STORE_UNAVAILABLE.
const refusal = (error: unknown): unknown =>
  isInvalidArgumentError(error) ? [error.code, error.message.split(':')[0]] : error;

export const describeArgumentRanges = (context: ContractContext): void => {
  describe('arguments out of range', () => {
    it(
      'given a stream name over the limit, then append and reads are refused with INVALID_ARGUMENT; at the limit it is stored',
      async () => {
        const store = context.store();
        const { stream, orderId } = context.order('long');
        const atLimit = stream.padEnd(MAX_STREAM_NAME_BYTES, 'x');
        const overLimit = `${atLimit}x`;

        const refused = [
          await rejectionOf(store.appendToStream(overLimit, [stopRequested(orderId)])),
          await rejectionOf(collect(store.readStream(overLimit))),
        ].map(refusal);
        await store.appendToStream(atLimit, [stopRequested(orderId)]);
        const read = await collect(store.readStream(atLimit));

        expect(refused).toEqual([
          ['INVALID_ARGUMENT', 'streamName'],
          ['INVALID_ARGUMENT', 'streamName'],
        ]);
        expect(read.map((event) => [event.streamId.length, event.revision])).toEqual([
          [MAX_STREAM_NAME_BYTES, 0n],
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given revisions beyond 64 bits or negative, then reads and appends are refused with INVALID_ARGUMENT',
      async () => {
        const store = context.store();
        const { stream, orderId } = context.order('range');
        await store.appendToStream(stream, [stopRequested(orderId)]);

        const refused = [
          await rejectionOf(collect(store.readStream(stream, { fromRevision: MAX_REVISION + 1n }))),
          await rejectionOf(collect(store.readStream(stream, { fromRevision: -1n }))),
          await rejectionOf(
            store.appendToStream(stream, [disputed(orderId)], {
              expectedRevision: MAX_REVISION + 1n,
            }),
          ),
        ].map(refusal);

        expect(refused).toEqual([
          ['INVALID_ARGUMENT', 'fromRevision'],
          ['INVALID_ARGUMENT', 'fromRevision'],
          ['INVALID_ARGUMENT', 'expectedRevision'],
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given the largest revision, then a forward read from it is empty and an append expecting it is a conflict',
      async () => {
        const store = context.store();
        const { stream, orderId } = context.order('largest');
        await store.appendToStream(stream, [stopRequested(orderId)]);

        const read = await collect(store.readStream(stream, { fromRevision: MAX_REVISION }));
        const conflict = await rejectionOf(
          store.appendToStream(stream, [disputed(orderId)], { expectedRevision: MAX_REVISION }),
        );

        expect(read).toEqual([]);
        expect(conflict).toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          expected: MAX_REVISION,
          actual: 0n,
        });
      },
      CONTRACT_TIMEOUT_MS,
    );

    it(
      'given positions that are negative or beyond 64 bits, then readAll is refused with INVALID_ARGUMENT; the largest position reads nothing',
      async () => {
        const store = context.store();

        const refused = [
          await rejectionOf(
            collect(store.readAll({ fromPosition: { commit: -1n, prepare: -1n } })),
          ),
          await rejectionOf(collect(store.readAll({ fromPosition: { commit: 0n, prepare: -1n } }))),
          await rejectionOf(
            collect(store.readAll({ fromPosition: { commit: MAX_REVISION + 1n, prepare: 0n } })),
          ),
        ].map(refusal);
        const beyondEverything = await collect(
          store.readAll({ fromPosition: { commit: MAX_REVISION, prepare: MAX_REVISION } }),
        );

        expect(refused).toEqual([
          ['INVALID_ARGUMENT', 'fromPosition'],
          ['INVALID_ARGUMENT', 'fromPosition'],
          ['INVALID_ARGUMENT', 'fromPosition'],
        ]);
        expect(beyondEverything).toEqual([]);
      },
      CONTRACT_TIMEOUT_MS,
    );
  });
};
