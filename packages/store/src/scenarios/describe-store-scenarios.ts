import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '../port';
import { runCatchUpUnderWriters } from './catch-up-under-writers';
import { runConcurrentCommands } from './concurrent-commands';

/** A store for the scenarios, and how to release it afterwards. */
export interface ScenarioSubject {
  readonly store: EventStore;
  readonly dispose?: () => Promise<void>;
}

const SCENARIO_TIMEOUT_MS = 120_000;

/**
 * Declares the reliability scenarios of issue 8 as Jest tests, for any store: 200 concurrent
 * commands over 20 orders (in waves, with an exact outcome, and all at once), and a catch-up
 * reader while 8 writers append (with and without random pauses). Like the contract suite it
 * touches Jest's globals only when called; `makeSubject` runs once per test.
 */
export const describeStoreScenarios = (
  name: string,
  makeSubject: () => Promise<ScenarioSubject> | ScenarioSubject,
): void => {
  describe(`reliability scenarios: ${name}`, () => {
    let subject: ScenarioSubject | undefined;
    beforeEach(async () => {
      subject = await makeSubject();
    });
    afterEach(async () => {
      await subject?.dispose?.();
      subject = undefined;
    });
    const store = (): EventStore => {
      if (subject === undefined) throw new Error('The scenario store is used outside a test.');
      return subject.store;
    };

    it(
      '200 commands over 20 orders in waves: each accepted command stored once, one booking per order, equal to a serial replay',
      async () => {
        expect(await runConcurrentCommands(store(), { prefix: 'waves' })).toEqual({
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
      },
      SCENARIO_TIMEOUT_MS,
    );

    it(
      '200 commands over 20 orders all at once: nothing lost, nothing twice, equal to a serial replay',
      async () => {
        const report = await runConcurrentCommands(store(), { prefix: 'once', waves: false });
        expect([
          report.commands,
          report.accepted + report.refused,
          report.failed,
          report.notExactlyOnce,
          report.unaccounted,
          report.bookedTwice,
          report.differsFromSerialReplay,
        ]).toEqual([200, 200, [], [], [], [], []]);
      },
      SCENARIO_TIMEOUT_MS,
    );

    const clean = { written: 80, seen: 80, missed: [], duplicated: [], outOfOrder: [] };

    it(
      'a catch-up reader while 8 writers append sees every event once, each stream in order',
      async () => {
        expect(await runCatchUpUnderWriters(store(), { prefix: 'plain' })).toEqual(clean);
      },
      SCENARIO_TIMEOUT_MS,
    );

    it(
      'the same with random pauses between appends',
      async () => {
        let n = 0;
        const pause = () => sleep((n++ * 7) % 5);
        expect(await runCatchUpUnderWriters(store(), { prefix: 'paused', pause })).toEqual(clean);
      },
      SCENARIO_TIMEOUT_MS,
    );
  });
};
