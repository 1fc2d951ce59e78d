import { EventStoreError } from '../errors';
import type { RecordedEvent } from '../port';
import { errorFields, rejectionOf } from './collect';
import { CONTRACT_TIMEOUT_MS, type ContractContext } from './context';
import { disputed, stopRequested } from './fixtures';

const firstNext = (events: AsyncIterable<RecordedEvent>): Promise<unknown> =>
  events[Symbol.asyncIterator]().next();

export const describeClose = (context: ContractContext): void => {
  describe('close', () => {
    it(
      'given a closed store, then append rejects and reads reject on their first next() with STORE_UNAVAILABLE',
      async () => {
        const { stream, orderId } = context.order('closed');
        const store = context.store();
        await store.appendToStream(stream, [stopRequested(orderId)]);
        await store.close();
        // Creating a read does not throw; iterating it rejects.
        const readStream = store.readStream(stream);
        const readAll = store.readAll();
        const errors = [
          await rejectionOf(store.appendToStream(stream, [disputed(orderId)])),
          await rejectionOf(firstNext(readStream)),
          await rejectionOf(firstNext(readAll)),
        ];

        expect(errors.map((error) => error instanceof EventStoreError)).toEqual([true, true, true]);
        expect(errors.map((error) => errorFields(error)['code'])).toEqual([
          'STORE_UNAVAILABLE',
          'STORE_UNAVAILABLE',
          'STORE_UNAVAILABLE',
        ]);
      },
      CONTRACT_TIMEOUT_MS,
    );
  });
};
