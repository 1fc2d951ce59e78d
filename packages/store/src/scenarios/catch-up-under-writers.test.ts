import { setTimeout as sleep } from 'node:timers/promises';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { runCatchUpUnderWriters } from './catch-up-under-writers';

describe('a catch-up reader while 8 writers append (issue 8)', () => {
  it('sees every event once, each stream in order', async () => {
    expect(await runCatchUpUnderWriters(new InMemoryEventStore())).toEqual({
      written: 80,
      seen: 80,
      missed: [],
      duplicated: [],
      outOfOrder: [],
    });
  });

  it('also with random pauses between appends', async () => {
    let n = 0;
    const pause = () => sleep((n++ * 7) % 5);
    expect(await runCatchUpUnderWriters(new InMemoryEventStore(), { pause })).toEqual({
      written: 80,
      seen: 80,
      missed: [],
      duplicated: [],
      outOfOrder: [],
    });
  });
});
