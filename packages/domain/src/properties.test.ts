// Properties that hold for every history the decider can produce (issue 8). Runs per property:
// PROPERTY_RUNS (default 300; CI-sized), e.g. `PROPERTY_RUNS=20000 pnpm jest properties`.
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { commandLog, laterCommand, policy, runThroughDecider } from './__fixtures__/arbitraries';
import { assessLiability } from './assess';
import { decide } from './decide';
import { decodeEvent } from './decode';
import type { Event } from './events';
import { fold } from './evolve';
import { assessExposure } from './exposure';
import { toMerchantView } from './merchant-view';
import { resolvePolicy } from './policy';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

const sumOf = (
  decision: ReturnType<typeof assessLiability>,
  kind: 'fraud-return' | 'fraud-policy',
): number =>
  decision.settlementLines.filter((l) => l.kind === kind).reduce((n, l) => n + l.amount, 0);

describe('properties of every decided history', () => {
  it('the return line is never positive and the policy line is gross − tax of the covered parts', () => {
    fc.assert(
      fc.property(commandLog, policy, (commands, override) => {
        const { state } = runThroughDecider(commands, override);
        const decision = assessLiability(state, override);
        const { parts: exposures } = assessExposure(state, resolvePolicy(override));
        const fraud = state.conclusion?.outcome === 'fraud';
        const covered = (exposures ?? []).filter((e) => e.covered);
        const expectedPolicy = fraud ? covered.reduce((n, e) => n + e.gross - e.tax, 0) : 0;
        const expectedReturn = fraud ? -(exposures ?? []).reduce((n, e) => n + e.gross, 0) : 0;
        expect(sumOf(decision, 'fraud-return')).toBeLessThanOrEqual(0);
        expect([sumOf(decision, 'fraud-return'), sumOf(decision, 'fraud-policy')]).toEqual([
          expectedReturn === 0 ? 0 : expectedReturn,
          expectedPolicy,
        ]);
      }),
      { numRuns },
    );
  });

  it('liability is none exactly when nothing is exposed', () => {
    fc.assert(
      fc.property(commandLog, policy, (commands, override) => {
        const { state } = runThroughDecider(commands, override);
        const { parts: exposures } = assessExposure(state, resolvePolicy(override));
        expect(assessLiability(state, override).liability === 'none').toBe(
          exposures !== undefined && exposures.length === 0,
        );
      }),
      { numRuns },
    );
  });

  it('replaying the history from JSON gives the same decision, byte for byte (SR-13)', () => {
    fc.assert(
      fc.property(commandLog, policy, (commands, override) => {
        const { events, state } = runThroughDecider(commands, override);
        const replayed = (JSON.parse(JSON.stringify(events)) as unknown[]).map((raw) => {
          const decoded = decodeEvent(raw);
          if (E.isLeft(decoded)) throw new Error(decoded.left.message);
          return decoded.right;
        });
        expect(JSON.stringify(assessLiability(fold(replayed), override))).toBe(
          JSON.stringify(assessLiability(state, override)),
        );
      }),
      { numRuns },
    );
  });

  it('decide is pure: same input, same output, input unchanged, state frozen', () => {
    fc.assert(
      fc.property(commandLog, laterCommand, policy, (commands, next, override) => {
        const { state } = runThroughDecider(commands, override);
        const before = JSON.stringify([state, next]);
        const first = decide(next, state, override);
        const second = decide(next, state, override);
        expect(second).toEqual(first);
        expect(JSON.stringify([state, next])).toBe(before);
        expect([Object.isFrozen(state), Object.isFrozen(state.parcels)]).toEqual([true, true]);
      }),
      { numRuns },
    );
  });

  it('folding a prefix then the rest equals folding the whole', () => {
    fc.assert(
      fc.property(commandLog, fc.nat(), (commands, cutSeed) => {
        const { events } = runThroughDecider(commands);
        const cut = events.length === 0 ? 0 : cutSeed % (events.length + 1);
        expect(fold(events.slice(cut), fold(events.slice(0, cut)))).toEqual(fold(events));
      }),
      { numRuns },
    );
  });

  it('the merchant view never contains risk notes (SR-1)', () => {
    fc.assert(
      fc.property(commandLog, policy, (commands, override) => {
        const { state } = runThroughDecider(commands, override);
        const view = JSON.stringify(toMerchantView(state, override));
        const notes = state.stop?.riskNotes ?? [];
        expect(notes.filter((note) => view.includes(note))).toEqual([]);
        expect(view.includes('riskNotes')).toBe(false);
      }),
      { numRuns },
    );
  });

  it('every accepted event passes the event codecs', () => {
    fc.assert(
      fc.property(commandLog, (commands) => {
        const { events } = runThroughDecider(commands);
        const refusedEvents: Event[] = events.filter((event) => E.isLeft(decodeEvent(event)));
        expect(refusedEvents).toEqual([]);
      }),
      { numRuns },
    );
  });
});
