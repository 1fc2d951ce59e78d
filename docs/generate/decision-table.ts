// Renders docs/decision-table.md from the code itself: every row is a history folded and
// assessed by @order-liability/domain, so the table cannot drift from the rules
// (docs/generate/decision-table.test.ts fails when the file is stale; `pnpm docs` rewrites it).
import {
  assessLiability,
  checkHistory,
  type Event,
  fold,
  formatAmount,
  type ParcelExposure,
  type PolicyOverride,
} from '@order-liability/domain';
import * as f from '../../packages/domain/src/__fixtures__/orders';

interface Row {
  readonly rule: string;
  readonly situation: string;
  readonly events: readonly Event[];
  readonly policy?: PolicyOverride;
}

const half = { amount: 75000, taxAmount: 15000 };
const rest = { amount: 50000, taxAmount: 10000 };

export const decisionRows: readonly Row[] = [
  { rule: 'SR-2', situation: 'Stop requested, no answer yet', events: [f.stopRequested()] },
  {
    rule: 'SR-3',
    situation: 'Goods stopped before shipping',
    events: [f.stopRequested(), f.orderStopped()],
  },
  {
    rule: 'SR-4',
    situation: 'Service interrupted and invoice removed',
    events: [f.stopRequested({ purchaseKind: 'service' }), f.orderStopped()],
  },
  {
    rule: 'SR-4, A-1',
    situation: 'Service that cannot be interrupted',
    events: [f.stopRequested({ purchaseKind: 'service' }), f.serviceNotInterruptible()],
  },
  {
    rule: 'A-1',
    situation: 'Same, with nonInterruptibleServiceCovered false',
    events: [f.stopRequested({ purchaseKind: 'service' }), f.serviceNotInterruptible()],
    policy: { nonInterruptibleServiceCovered: false },
  },
  {
    rule: 'SR-5',
    situation: 'Shipped with PostNord, tracking reported; Klarna recalls',
    events: [f.stopRequested(), f.shippedWithTracking(), f.recallRequested()],
  },
  {
    rule: 'SR-5',
    situation: 'Shipped with another carrier, tracking reported',
    events: [f.stopRequested(), f.shippedWithTracking({ carrier: 'GLS', trackingNumber: 'G-1' })],
  },
  {
    rule: 'A-4',
    situation: 'Another carrier, merchant recall required but not recorded',
    events: [f.stopRequested(), f.shippedWithTracking({ carrier: 'GLS', trackingNumber: 'G-1' })],
    policy: { requireMerchantRecallForOtherCarriers: true },
  },
  {
    rule: 'SR-6',
    situation: 'Shipped without tracking',
    events: [f.stopRequested(), f.shippedWithoutTracking()],
  },
  {
    rule: 'A-3',
    situation: 'Shipped after the stop request',
    events: [f.stopRequested(), f.shippedWithTracking({ shippedAt: '2026-03-02T09:00:00.001Z' })],
  },
  {
    rule: 'A-6',
    situation: 'Answered 24 h + 1 ms after the stop request',
    events: [f.stopRequested(), f.shippedWithTracking({ reportedAt: '2026-03-03T09:00:00.001Z' })],
  },
  {
    rule: 'SR-10',
    situation: 'Two parcels, one tracked (PostNord), one not',
    events: [f.stopRequested(), f.shippedWithTracking(half), f.shippedWithoutTracking(rest)],
  },
  {
    rule: 'SR-8',
    situation: 'Every shipped parcel returned',
    events: [f.stopRequested(), f.shippedWithTracking(), f.returned()],
  },
  {
    rule: 'SR-7',
    situation: 'Tracked parcel, customer disputes',
    events: [f.stopRequested(), f.shippedWithTracking(), f.disputed()],
  },
  {
    rule: 'SR-12',
    situation: 'Tracked parcel, invoice overdue',
    events: [f.stopRequested(), f.shippedWithTracking(), f.invoiceOverdue()],
  },
  {
    rule: 'SR-9',
    situation: 'Tracked parcel, fraud confirmed',
    events: [f.stopRequested(), f.shippedWithTracking(), f.disputed(), f.concluded()],
  },
  {
    rule: 'SR-9, SR-6',
    situation: 'Untracked parcel, fraud confirmed',
    events: [f.stopRequested(), f.shippedWithoutTracking(), f.disputed(), f.concluded()],
  },
  {
    rule: 'SR-9, SR-10',
    situation: 'Two parcels (one untracked), fraud confirmed',
    events: [
      f.stopRequested(),
      f.shippedWithTracking(half),
      f.shippedWithoutTracking(rest),
      f.disputed(),
      f.concluded(),
    ],
  },
  {
    rule: 'A-2',
    situation: 'No answer, fraud confirmed',
    events: [f.stopRequested(), f.disputed(), f.concluded()],
  },
  {
    rule: 'A-2',
    situation: 'No answer, fraud confirmed, requireFormResponse false',
    events: [f.stopRequested(), f.disputed(), f.concluded()],
    policy: { requireFormResponse: false },
  },
  {
    rule: 'A-7',
    situation: 'Information requested, never given, concluded after 7 days',
    events: [
      f.stopRequested(),
      f.shippedWithTracking(),
      f.disputed(),
      f.informationRequested(),
      f.concluded({ concludedAt: '2026-04-10T08:00:00Z' }),
    ],
  },
  {
    rule: 'SR-11',
    situation: 'Investigation finds no fraud',
    events: [
      f.stopRequested(),
      f.shippedWithTracking(),
      f.disputed(),
      f.concluded({ outcome: 'not-fraud' }),
    ],
  },
  {
    rule: 'SR-9',
    situation: 'Settlement booked',
    events: [f.stopRequested(), f.shippedWithTracking(), f.concluded(), f.settlementBooked()],
  },
  {
    rule: 'SR-9',
    situation:
      'Settlement booked under the defaults, assessed with a 4-hour deadline (booked decision kept)',
    events: [
      f.stopRequested(),
      f.shippedWithTracking({ reportedAt: '2026-03-03T08:00:00Z' }),
      f.concluded(),
      f.settlementBooked(),
    ],
    policy: { responseDeadlineHours: 4 },
  },
  {
    rule: 'SR-9',
    situation: 'Parcel returned after the settlement was booked (Klarna corrects the booking)',
    events: [
      f.stopRequested(),
      f.shippedWithTracking(),
      f.concluded(),
      f.settlementBooked(),
      f.returned({ trackingNumber: 'PN-1', returnedAt: '2026-04-10T08:00:00Z' }),
    ],
  },
  {
    rule: 'SR-9',
    situation: 'Two parcels without VAT over the order excluding VAT, fraud confirmed',
    events: [
      f.stopRequested(),
      f.shippedWithTracking({ trackingNumber: 'PN-1', amount: 62500, taxAmount: 0 }),
      f.shippedWithTracking({ trackingNumber: 'PN-2', amount: 62500, taxAmount: 0 }),
      f.concluded(),
    ],
  },
  {
    rule: 'SR-10',
    situation: 'The same whole-order shipment stored twice, fraud confirmed',
    events: [f.stopRequested(), f.shippedWithTracking(), f.shippedWithTracking(), f.concluded()],
  },
  {
    rule: 'SR-10',
    situation: 'The same tracked parcel with amounts stored twice, fraud confirmed',
    events: [
      f.stopRequested(),
      f.shippedWithTracking(rest),
      f.shippedWithTracking(rest),
      f.concluded(),
    ],
  },
  {
    rule: 'A-7',
    situation: 'Information provided after the conclusion (stored), concluded after 7 days',
    events: [
      f.stopRequested(),
      f.shippedWithTracking(),
      f.informationRequested(),
      f.concluded({ concludedAt: '2026-04-10T08:00:00Z' }),
      f.informationProvided({ providedAt: '2026-03-22T08:00:00Z' }),
    ],
  },
  {
    rule: 'SR-9',
    situation: 'A second stop request with a larger total, fraud confirmed',
    events: [
      f.stopRequested(),
      f.stopRequested({ totalAmount: 500000, totalTaxAmount: 100000 }),
      f.shippedWithTracking(),
      f.concluded(),
    ],
  },
  {
    rule: 'SR-3',
    situation: 'Shipment stored after a confirmed stop',
    events: [f.stopRequested(), f.orderStopped(), f.shippedWithTracking()],
  },
  {
    rule: 'A-4',
    situation: 'Merchant recall stored after the conclusion, A-4 on',
    events: [
      f.stopRequested(),
      f.shippedWithTracking({ carrier: 'GLS', trackingNumber: 'G-1' }),
      f.concluded(),
      f.recallRequested({ trackingNumber: 'G-1', requestedBy: 'merchant' }),
    ],
    policy: { requireMerchantRecallForOtherCarriers: true },
  },
  {
    rule: 'A-1',
    situation: 'Service answered "shipped, no tracking", fraud confirmed',
    events: [
      f.stopRequested({ purchaseKind: 'service' }),
      f.shippedWithoutTracking(),
      f.disputed(),
      f.concluded(),
    ],
  },
  {
    rule: 'SR-10',
    situation: 'Information requested while shipped (open: a merchant step)',
    events: [f.stopRequested(), f.shippedWithTracking(), f.informationRequested()],
  },
  {
    rule: 'SR-5',
    situation: 'Shipped with "PostNord DK" (a recallable carrier by prefix)',
    events: [
      f.stopRequested(),
      f.shippedWithTracking({ carrier: 'PostNord DK' }),
      f.recallRequested(),
    ],
  },
];

const partText = (p: ParcelExposure): string =>
  `${p.key} ${formatAmount(p.gross, p.currency)} ${p.covered ? 'covered' : 'not covered'} (${p.rules.join(', ')})`;

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The Markdown of docs/decision-table.md. */
export const renderDecisionTable = (): string => {
  const lines = [
    '# Decision table',
    '',
    'Generated from the code by `pnpm docs` (docs/generate/decision-table.ts); a test fails when',
    'this file and the code disagree. Every row is order 4711 of 1.250,00 DKK including 250,00 DKK',
    'VAT, with the stop requested 2026-03-02 09:00 UTC, assessed under the default policy unless',
    'the row says otherwise. Rule IDs are those of docs/rules.md. "Exposure" lists each exposed',
    'part; "skipped" lists the stored events `fold` did not apply because `decide` would have',
    'refused them (their index and code, as `checkHistory` gives them).',
    '',
    '| rule | situation | policy | liability | status | settlement lines | exposure | skipped | reasons | merchant steps |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of decisionRows) {
    const decision = assessLiability(fold(row.events), row.policy);
    const settlement =
      decision.settlementLines.length === 0
        ? '—'
        : decision.settlementLines
            .map((l) => `${l.label} ${formatAmount(l.amount, l.currency)}`)
            .join('; ');
    const policy = row.policy === undefined ? 'default' : JSON.stringify(row.policy);
    const exposure =
      decision.exposure.length === 0 ? '—' : decision.exposure.map(partText).join('; ');
    const problems = checkHistory(row.events);
    const skipped =
      problems.length === 0 ? '—' : problems.map((p) => `event ${p.index} ${p.code}`).join('; ');
    const steps = decision.nextSteps
      .filter((step) => step.actor !== 'customer')
      .map((step) => `${step.actor}: ${step.rule}`)
      .join('; ');
    lines.push(
      `| ${row.rule} | ${cell(row.situation)} | ${cell(policy)} | ${decision.liability} | ${decision.status} | ${cell(settlement)} | ${cell(exposure)} | ${skipped} | ${decision.reasons.join(', ')} | ${steps === '' ? '—' : steps} |`,
    );
  }
  return `${lines.join('\n')}\n`;
};
