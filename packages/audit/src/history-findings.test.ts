// Findings about the history itself (second pass of the domain): events a replay had to skip
// (inconsistent-history) and goods back after the payout (returned-after-settlement).
import type { Event } from '@order-liability/domain';
import { auditItems } from './audit';
import { formatCsv } from './format-csv';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import type { SourceItem } from './source-item';
import { paid, returned } from './__fixtures__/settlement-lines';

const stop = (orderId: string): Event => ({
  type: 'StopRequested',
  data: {
    orderId,
    merchantId: 'm-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
  },
});
const shipped = (orderId: string): Event => ({
  type: 'ShippedWithTracking',
  data: {
    orderId,
    carrier: 'PostNord',
    trackingNumber: 'PN-1',
    shippedAt: '2026-03-01T15:00:00Z',
    reportedAt: '2026-03-02T12:00:00Z',
  },
});
const concluded = (orderId: string): Event => ({
  type: 'InvestigationConcluded',
  data: { orderId, concludedAt: '2026-04-01T08:00:00Z', outcome: 'fraud' },
});
const booked = (orderId: string): Event => ({
  type: 'SettlementBooked',
  data: { orderId, bookedAt: '2026-04-02T08:00:00Z', lines: [returned, paid] },
});
const returnedLate = (orderId: string): Event => ({
  type: 'Returned',
  data: {
    orderId,
    trackingNumber: 'PN-1',
    returnedAt: '2026-04-10T08:00:00Z',
    registeredIn: 'order-system',
  },
});

async function* itemsOf(streams: Record<string, Event[]>): AsyncIterable<SourceItem> {
  for (const [orderId, events] of Object.entries(streams))
    for (const [revision, event] of events.entries())
      yield await Promise.resolve<SourceItem>({
        kind: 'decoded',
        streamId: `order-${orderId}`,
        revision,
        event,
      });
}

const streams = {
  doubled: [stop('doubled'), shipped('doubled'), shipped('doubled'), concluded('doubled')],
  back: [stop('back'), shipped('back'), concluded('back'), booked('back'), returnedLate('back')],
  clean: [stop('clean'), shipped('clean'), concluded('clean'), booked('clean')],
};

describe('findings about the history', () => {
  it('a history with an event decide would have refused is inconsistent-history, its money recomputed once', async () => {
    const { report } = await auditItems(itemsOf(streams));
    expect(report.discrepancies).toEqual([
      {
        orderId: 'doubled',
        kind: 'inconsistent-history',
        booked: [],
        expected: [returned, paid],
        skipped: [
          {
            index: 2,
            type: 'ShippedWithTracking',
            code: 'SHIPMENT_AMOUNT_REQUIRED',
            message:
              'A shipment for the whole order is already reported, so no other parcel can be added. Register a return or correct the case with Klarna instead.',
          },
        ],
      },
      { orderId: 'doubled', kind: 'fraud-not-booked', booked: [], expected: [returned, paid] },
      {
        orderId: 'back',
        kind: 'returned-after-settlement',
        booked: [returned, paid],
        expected: [returned, paid],
        returns: [{ trackingNumber: 'PN-1', returnedAt: '2026-04-10T08:00:00Z' }],
      },
    ]);
  });

  it('shows both kinds in every report format', async () => {
    const { report, orders } = await auditItems(itemsOf(streams), { rows: true });
    const json = JSON.parse(formatJson(report)) as { discrepancies: { kind: string }[] };
    expect({
      json: json.discrepancies.map((d) => d.kind),
      markdown: formatMarkdown(report)
        .split('\n')
        .filter(
          (line) =>
            line.startsWith('### ') ||
            line.startsWith('- Skipped') ||
            line.startsWith('- Returned'),
        ),
      csv: formatCsv(orders)
        .split('\r\n')
        .filter((row) =>
          /,(inconsistent-history;fraud-not-booked|returned-after-settlement),/.test(row),
        )
        .map((row) => row.split(',')[0]),
    }).toEqual({
      json: ['inconsistent-history', 'fraud-not-booked', 'returned-after-settlement'],
      markdown: [
        '### Order `doubled`: inconsistent-history',
        '- Skipped event 2 (ShippedWithTracking): SHIPMENT_AMOUNT_REQUIRED, A shipment for the whole order is already reported, so no other parcel can be added. Register a return or correct the case with Klarna instead.',
        '### Order `doubled`: fraud-not-booked',
        '### Order `back`: returned-after-settlement',
        '- Returned after the booking: parcel `PN-1` on 2026-04-10T08:00:00Z',
      ],
      csv: ['doubled', 'back'],
    });
  });
});
