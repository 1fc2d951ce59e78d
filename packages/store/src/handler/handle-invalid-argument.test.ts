import { requestStop } from '../__fixtures__/case';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { InvalidArgumentError } from '../invalid-argument';
import type { EventStore, RecordedEvent } from '../port';
import { handle } from './handle';

// A store whose reads are refused the way an adapter refuses an argument out of range, and
// that counts the calls it gets, to see that nothing is repeated.
const refusing = (): { store: EventStore; calls: string[] } => {
  const calls: string[] = [];
  const inner = new InMemoryEventStore();
  return {
    calls,
    store: {
      appendToStream: (...args) => {
        calls.push('append');
        return inner.appendToStream(...args);
      },
      readStream: (): AsyncIterable<RecordedEvent> => {
        calls.push('readStream');
        return {
          [Symbol.asyncIterator]: () => ({
            next: () => Promise.reject(new InvalidArgumentError('streamName: expected less.')),
          }),
        };
      },
      readAll: (...args) => inner.readAll(...args),
      close: () => inner.close(),
    },
  };
};

describe('handle, given an argument retrying cannot fix', () => {
  it('when the store refuses it with INVALID_ARGUMENT, then handle rejects with it at once, repeating nothing', async () => {
    const { store, calls } = refusing();

    let error: unknown;
    try {
      await handle(store, requestStop(), { unavailableRetries: 3, retryDelayMs: 1 });
    } catch (thrown) {
      error = thrown;
    }

    expect(error).toEqual(new InvalidArgumentError('streamName: expected less.'));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(calls).toEqual(['readStream']);
  });

  it('when the order id is longer than a stream name may be, then the domain refuses the command first', async () => {
    const store = new InMemoryEventStore();

    await expect(handle(store, requestStop('x'.repeat(3000)))).rejects.toMatchObject({
      code: 'INVALID_COMMAND',
    });
  });
});
