import { EventStoreError } from '../errors';
import type { ReadStreamOptions } from '../port';
import { collect, collectUntilError, errorFields } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { informationRequested, stopRequested } from './fixtures';

const windows: readonly {
  readonly options: ReadStreamOptions;
  readonly revisions: readonly bigint[];
}[] = [
  { options: {}, revisions: [0n, 1n, 2n, 3n, 4n] },
  { options: { fromRevision: 2n }, revisions: [2n, 3n, 4n] },
  { options: { maxCount: 2 }, revisions: [0n, 1n] },
  { options: { fromRevision: 1n, maxCount: 2 }, revisions: [1n, 2n] },
  { options: { fromRevision: 5n }, revisions: [] },
  { options: { direction: 'backwards' }, revisions: [4n, 3n, 2n, 1n, 0n] },
  { options: { direction: 'backwards', fromRevision: 2n }, revisions: [2n, 1n, 0n] },
  { options: { direction: 'backwards', maxCount: 2 }, revisions: [4n, 3n] },
  { options: { direction: 'backwards', fromRevision: 3n, maxCount: 2 }, revisions: [3n, 2n] },
];

const describeOptions = (options: ReadStreamOptions): string =>
  JSON.stringify(options, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value,
  );

export const describeReadStream = (context: ContractContext): void => {
  describe('readStream', () => {
    for (const { options, revisions } of windows) {
      it(
        `given a stream at revision 4n, when read with ${describeOptions(options)}, then it yields revisions [${revisions.join(', ')}]`,
        async () => {
          const { stream, orderId } = context.order('window');
          await context
            .store()
            .appendToStream(stream, [
              stopRequested(orderId),
              ...[1, 2, 3, 4].map((question) => informationRequested(orderId, question)),
            ]);
          const events = await collect(context.store().readStream(stream, options));

          expect(events.map((event) => event.revision)).toEqual(revisions);
          // Each revision carries its own event: question n sits at revision n.
          expect(
            events.map((event) =>
              event.type === 'InformationRequested' ? event.data.topic : event.type,
            ),
          ).toEqual(
            revisions.map((revision) =>
              revision === 0n ? 'StopRequested' : `question ${revision}`,
            ),
          );
        },
        CONTRACT_TIMEOUT_MS,
      );
    }

    for (const direction of ['forwards', 'backwards'] as const) {
      it(
        `given no stream, when read ${direction}, then the first next() rejects with STREAM_NOT_FOUND naming it`,
        async () => {
          const { stream } = context.order('missing');
          const read = await collectUntilError(context.store().readStream(stream, { direction }));

          expect(read.events).toEqual([]);
          expect(read.error).toBeInstanceOf(EventStoreError);
          expect(errorFields(read.error)).toEqual({
            name: 'EventStoreError',
            code: 'STREAM_NOT_FOUND',
            streamId: stream,
            expected: undefined,
            actual: undefined,
            revision: undefined,
          });
        },
        CONTRACT_TIMEOUT_MS,
      );
    }
  });
};
