// recomputeSettlement is recomputeDecision without status and next steps: the same fields,
// exactly, for every history the decider can produce, booked or not, under any policy.
import fc from 'fast-check';
import { commandLog, policy, runThroughDecider } from './__fixtures__/arbitraries';
import {
  concluded,
  settlementBooked,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import { recomputeDecision } from './assess';
import { fold } from './evolve';
import { resolvePolicy } from './policy';
import { recomputeSettlement } from './recompute-settlement';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

describe('recomputeSettlement', () => {
  it('gives the liability, lines, exposure and reasons recomputeDecision gives, for every decided history', () => {
    fc.assert(
      fc.property(commandLog, policy, (commands, override) => {
        const { state } = runThroughDecider(commands, override);
        const decision = recomputeDecision(state, override);
        expect(recomputeSettlement(state, resolvePolicy(override))).toEqual({
          liability: decision.liability,
          settlementLines: decision.settlementLines,
          exposure: decision.exposure,
          reasons: decision.reasons,
        });
      }),
      { numRuns },
    );
  });

  it('given a booked covered parcel answered late, when recomputed with responseDeadlineHours 4, then merchant liability and one return line', () => {
    const state = fold([
      stopRequested(),
      shippedWithTracking({ reportedAt: '2026-03-03T12:00:00Z' }),
      concluded(),
      settlementBooked(),
    ]);
    const assessed = recomputeSettlement(state, resolvePolicy({ responseDeadlineHours: 4 }));
    expect({
      liability: assessed.liability,
      lines: assessed.settlementLines.map((line) => [line.kind, line.amount]),
      covered: assessed.exposure.map((part) => part.covered),
    }).toEqual({ liability: 'merchant', lines: [['fraud-return', -125000]], covered: [false] });
  });
});
