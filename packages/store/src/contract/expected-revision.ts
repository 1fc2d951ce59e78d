import { EventStoreError, type ReportedRevision } from '../errors';
import type { ExpectedRevision } from '../port';
import { collect, collectUntilError, errorFields, rejectionOf } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { disputed, informationRequested, stopRequested } from './fixtures';

interface RevisionCase {
  /** Events in the stream before the append: 0 means the stream does not exist. */
  readonly existing: 0 | 2;
  readonly expected: ExpectedRevision;
  readonly outcome:
    | { readonly nextExpectedRevision: bigint }
    | { readonly expected: ReportedRevision; readonly actual: ReportedRevision };
}

const cases: readonly RevisionCase[] = [
  { existing: 0, expected: 'any', outcome: { nextExpectedRevision: 0n } },
  { existing: 2, expected: 'any', outcome: { nextExpectedRevision: 2n } },
  { existing: 0, expected: 'no-stream', outcome: { nextExpectedRevision: 0n } },
  { existing: 2, expected: 'no-stream', outcome: { expected: 'no-stream', actual: 1n } },
  { existing: 2, expected: 'stream-exists', outcome: { nextExpectedRevision: 2n } },
  // 'stream-exists' on a missing stream reports expected 0n, the least revision of an existing stream.
  { existing: 0, expected: 'stream-exists', outcome: { expected: 0n, actual: 'no-stream' } },
  { existing: 2, expected: 1n, outcome: { nextExpectedRevision: 2n } },
  { existing: 2, expected: 0n, outcome: { expected: 0n, actual: 1n } },
  { existing: 2, expected: 2n, outcome: { expected: 2n, actual: 1n } },
  { existing: 0, expected: 0n, outcome: { expected: 0n, actual: 'no-stream' } },
];

const show = (revision: ExpectedRevision): string =>
  typeof revision === 'bigint' ? `${revision}n` : `'${revision}'`;

export const describeExpectedRevision = (context: ContractContext): void => {
  describe('expected revision', () => {
    for (const { existing, expected, outcome } of cases) {
      const given = existing === 0 ? 'a missing stream' : 'a stream at revision 1n';
      const then =
        'nextExpectedRevision' in outcome
          ? `it appends and resolves ${outcome.nextExpectedRevision}n`
          : `it rejects with WRONG_EXPECTED_VERSION expected ${show(outcome.expected)}, actual ${show(outcome.actual)}, and writes nothing`;
      it(
        `given ${given}, when appending with expectedRevision ${show(expected)}, then ${then}`,
        async () => {
          const { stream, orderId } = context.order('revision');
          const store = context.store();
          if (existing === 2)
            await store.appendToStream(stream, [stopRequested(orderId), disputed(orderId)]);
          const append = store.appendToStream(stream, [informationRequested(orderId, 1)], {
            expectedRevision: expected,
          });

          if ('nextExpectedRevision' in outcome) {
            expect((await append).nextExpectedRevision).toBe(outcome.nextExpectedRevision);
            const events = await collect(store.readStream(stream));
            expect(events.map((event) => event.type)).toEqual(
              existing === 2
                ? ['StopRequested', 'Disputed', 'InformationRequested']
                : ['InformationRequested'],
            );
            return;
          }
          const error = await rejectionOf(append);
          expect(error).toBeInstanceOf(EventStoreError);
          expect(errorFields(error)).toEqual({
            name: 'EventStoreError',
            code: 'WRONG_EXPECTED_VERSION',
            streamId: stream,
            expected: outcome.expected,
            actual: outcome.actual,
            revision: undefined,
          });
          const after = await collectUntilError(store.readStream(stream));
          if (existing === 2)
            expect(after.events.map((event) => event.type)).toEqual(['StopRequested', 'Disputed']);
          else expect(errorFields(after.error)).toMatchObject({ code: 'STREAM_NOT_FOUND' });
        },
        CONTRACT_TIMEOUT_MS,
      );
    }

    it(
      'given a stream at 0n, when five appends expecting 0n race, then exactly one succeeds and four fail with expected 0n, actual 1n',
      async () => {
        const { stream, orderId } = context.order('race');
        const store = context.store();
        await store.appendToStream(stream, [stopRequested(orderId)], {
          expectedRevision: 'no-stream',
        });
        const outcomes = await Promise.allSettled(
          [1, 2, 3, 4, 5].map((question) =>
            store.appendToStream(stream, [informationRequested(orderId, question)], {
              expectedRevision: 0n,
            }),
          ),
        );

        const fulfilled = outcomes.flatMap((o) =>
          o.status === 'fulfilled' ? [o.value.nextExpectedRevision] : [],
        );
        const rejected = outcomes.flatMap((o) =>
          o.status === 'rejected' ? [errorFields(o.reason)] : [],
        );
        expect(fulfilled).toEqual([1n]);
        expect(rejected).toEqual(
          [1, 2, 3, 4].map(() => ({
            name: 'EventStoreError',
            code: 'WRONG_EXPECTED_VERSION',
            streamId: stream,
            expected: 0n,
            actual: 1n,
            revision: undefined,
          })),
        );
        expect((await collect(store.readStream(stream))).map((event) => event.revision)).toEqual([
          0n,
          1n,
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );
  });
};
