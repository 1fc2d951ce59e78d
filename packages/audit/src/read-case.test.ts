import { plantedExport } from './__fixtures__/planted-export';
import { linesOf } from './__fixtures__/lines';
import { itemsOfLines } from './file-source';
import { formatCase } from './format-case';
import { readCase } from './read-case';

const planted = plantedExport();
const caseOf = (orderId: string, asOf?: string) =>
  readCase(itemsOfLines(linesOf(planted.lines)), orderId, asOf === undefined ? {} : { asOf });

describe('readCase', () => {
  it('replays one order and decides it', async () => {
    const report = await caseOf('clean');
    expect(report?.history.map((h) => [h.revision, h.line, h.event.type])).toEqual([
      [0, 1, 'StopRequested'],
      [1, 2, 'ShippedWithTracking'],
      [2, 3, 'RecallRequested'],
      [3, 4, 'Disputed'],
      [4, 5, 'InvestigationConcluded'],
      [5, 6, 'SettlementBooked'],
    ]);
    expect(report?.decision).toMatchObject({
      orderId: 'clean',
      status: 'settled',
      liability: 'klarna',
    });
    expect(report?.invalid).toEqual([]);
  });

  it("reports the case's own invalid records", async () => {
    const report = await caseOf('codec');
    expect(report?.invalid.map((entry) => entry.revision)).toEqual([1, 2]);
    expect(report?.decision.status).toBe('awaiting-merchant-response');
  });

  it('travels in time', async () => {
    const report = await caseOf('clean', '2026-03-02T11:00:00Z');
    expect(report?.history.map((h) => h.event.type)).toEqual(['StopRequested']);
  });

  it('finds nothing for an order that is not there', async () => {
    expect(await caseOf('nobody')).toBeUndefined();
  });
});

describe('formatCase', () => {
  it('prints history, decision, next steps and lines, spelled as the contract spells them', async () => {
    const report = await caseOf('differ');
    if (report === undefined) throw new Error('no case');
    const text = formatCase(report);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Order differ (stream order-differ)',
      '',
      'History',
      '    0  2026-03-02T10:00:00Z  StopRequested  {"merchantId":"merchant-1","purchaseKind":"goods","currency":"DKK","totalAmount":125000,"totalTaxAmount":25000,"requestedAt":"2026-03-02T10:00:00Z","riskNotes":["velocity"]}',
    ]);
    expect(text).toContain('  status:    settled\n  liability: klarna\n');
    expect(text).toContain(
      'Settlement lines (recomputed)\n  Returnering (bedrageri)       -1.250,00 DKK\n  Bedrageripolicy                1.000,00 DKK\n',
    );
    expect(text).toContain(
      'Settlement booked\n  at 2026-03-13T10:00:00Z\n  Returnering (bedrageri)       -1.250,00 DKK\n  Bedrageripolicy                1.250,00 DKK\n',
    );
    expect(text).toMatch(/Next steps\n {2}- /);
  });

  it('shows the time it travelled to', async () => {
    const report = await caseOf('undetermined', '2026-03-05T00:00:00Z');
    if (report === undefined) throw new Error('no case');
    expect(formatCase(report, '2026-03-05T00:00:00Z').split('\n')[0]).toBe(
      'Order undetermined (stream order-undetermined) as of 2026-03-05T00:00:00Z',
    );
    expect(formatCase(report)).toContain('Settlement lines (recomputed)\n  (none)');
  });
});
