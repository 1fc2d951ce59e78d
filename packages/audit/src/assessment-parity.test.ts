// The audit assesses each order with the domain's lean recomputeSettlement under the policy it
// resolved once: every order's row must still say what recomputeDecision says for that
// order's folded history under the same policy, on exports holding legal and illegal
// histories alike (planted faults: duplicates, gaps, bookings twice, refused events).
import fc from 'fast-check';
import { recomputeDecision } from '@order-liability/domain';
import { auditItems } from './audit';
import { linesOf } from './__fixtures__/lines';
import { readCaseStates } from './case-states';
import { itemsOfLines } from './file-source';
import { generateRecords } from './generate/generate-export';
import { withPlantedFaults } from './generate/plant-faults';

const POLICIES = [
  {},
  { responseDeadlineHours: 4, requireMerchantRecallForOtherCarriers: true },
  { requireFormResponse: false, informationDeadlineDays: null, responseDeadlineHours: null },
];

describe("every order's row of an audit", () => {
  it("gives recomputeDecision's liability, settlement lines and reasons under the audit's policy", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...POLICIES),
        async (seed, policy) => {
          const lines = [...withPlantedFaults(generateRecords({ orders: 60, seed }), [])];
          const { states } = await readCaseStates(itemsOfLines(linesOf(lines)));
          const { orders } = await auditItems(itemsOfLines(linesOf(lines)), { rows: true, policy });
          expect(
            orders.map((row) => [row.orderId, row.liability, row.expected, row.reasons]),
          ).toEqual(
            [...states].map(([orderId, state]) => {
              const decision = recomputeDecision(state, policy);
              return [orderId, decision.liability, decision.settlementLines, decision.reasons];
            }),
          );
        },
      ),
      { numRuns: 20 },
    );
  });
});
