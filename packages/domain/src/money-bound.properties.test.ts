// Money is bounded by the order in every history (second pass, item 2): over arbitrary
// sequences of individually valid events, including ones decide could never have produced.
import fc from 'fast-check';
import { policy } from './__fixtures__/arbitraries';
import { storedHistory as history } from './__fixtures__/stored-histories';
import { assessLiability } from './assess';
import type { Event } from './events';
import { fold } from './evolve';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);
const sumOf = (events: Event[], kind: 'fraud-return' | 'fraud-policy', p: object) =>
  assessLiability(fold(events), p)
    .settlementLines.filter((l) => l.kind === kind)
    .reduce((n, l) => n + l.amount, 0);

describe('money bounded by the order in every history', () => {
  it('the return line never exceeds the gross; the policy line never exceeds the order or the covered parts excluding VAT', () => {
    fc.assert(
      fc.property(history, policy, (events, override) => {
        const stop = events.find((e) => e.type === 'StopRequested');
        const decision = assessLiability(fold(events), override);
        const coveredNet = decision.exposure
          .filter((p) => p.covered)
          .reduce((n, p) => n + p.gross - p.tax, 0);
        const gross = stop?.type === 'StopRequested' ? stop.data.totalAmount : 0;
        const net = stop?.type === 'StopRequested' ? gross - stop.data.totalTaxAmount : 0;
        const returned = -sumOf(events, 'fraud-return', override);
        const paid = sumOf(events, 'fraud-policy', override);
        expect([returned <= gross, paid <= net, paid <= coveredNet]).toEqual([true, true, true]);
      }),
      { numRuns },
    );
  });

  it('the same tracked parcel recorded twice pays once: a repeated shipment changes nothing', () => {
    fc.assert(
      fc.property(history, policy, fc.nat(), (events, override, at) => {
        const shipments = events.filter((e) => e.type === 'ShippedWithTracking');
        fc.pre(shipments.length > 0);
        const repeated = shipments[at % shipments.length];
        if (repeated === undefined) return;
        const index = events.indexOf(repeated);
        const twice = [...events.slice(0, index + 1), repeated, ...events.slice(index + 1)];
        const once = assessLiability(fold(events), override);
        const again = assessLiability(fold(twice), override);
        expect([again.liability, again.settlementLines, again.exposure]).toEqual([
          once.liability,
          once.settlementLines,
          once.exposure,
        ]);
      }),
      { numRuns },
    );
  });
});
