import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { runConcurrentCommands } from './concurrent-commands';

describe('200 concurrent commands over 20 orders on the in-memory store (issue 8)', () => {
  it('in waves: stores every accepted command once, books one settlement per order, equals a serial replay', async () => {
    expect(await runConcurrentCommands(new InMemoryEventStore())).toEqual({
      commands: 200,
      accepted: 180,
      refused: 20,
      failed: [],
      notExactlyOnce: [],
      unaccounted: [],
      bookedTwice: [],
      differsFromSerialReplay: [],
      settled: 20,
    });
  });

  it('all at once, in any order: nothing lost, nothing twice, equal to a serial replay', async () => {
    const report = await runConcurrentCommands(new InMemoryEventStore(), { waves: false });
    expect({ ...report, accepted: 'any', refused: 'any', settled: 'any' }).toEqual({
      commands: 200,
      accepted: 'any',
      refused: 'any',
      failed: [],
      notExactlyOnce: [],
      unaccounted: [],
      bookedTwice: [],
      differsFromSerialReplay: [],
      settled: 'any',
    });
    expect(report.accepted + report.refused).toBe(200);
  });
});
