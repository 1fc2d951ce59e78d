import { eventTime, type Event, parseInstant } from '@order-liability/domain';
import { auditItems } from '../audit';
import { itemsOfLines } from '../file-source';
import { linesOf } from '../__fixtures__/lines';
import { generateExport, generateRecords } from './generate-export';
import { Random } from './random';
import { recordHistory } from './record-history';

describe('generateExport', () => {
  const lines = [...generateExport({ orders: 300, seed: 11 })];

  it('is deterministic: the same seed gives the same lines, another seed others', () => {
    expect([...generateExport({ orders: 300, seed: 11 })]).toEqual(lines);
    expect([...generateExport({ orders: 300, seed: 12 })]).not.toEqual(lines);
  });

  it('writes legal histories: the audit finds nothing wrong', async () => {
    const { report } = await auditItems(itemsOfLines(linesOf(lines)));
    expect(report.summary).toMatchObject({
      orders: 300,
      events: lines.length,
      invalid: 0,
      discrepancies: 0,
    });
    // Every outcome of the contract shows up in a realistic mix.
    for (const count of Object.values(report.summary.byLiability)) expect(count).toBeGreaterThan(0);
  });

  it('interleaves the cases in global order: by event time, revisions consecutive per stream', () => {
    const next = new Map<string, number>();
    let last = 0;
    for (const record of generateRecords({ orders: 300, seed: 11 })) {
      expect(record.revision).toBe(next.get(record.streamId) ?? 0);
      next.set(record.streamId, record.revision + 1);
      const time = parseInstant(String(record.metadata?.['recordedAt'])) ?? Number.NaN;
      expect(time).toBeGreaterThanOrEqual(last);
      last = time;
    }
    expect(next.size).toBe(300);
  });

  it('names orders and starts where asked', () => {
    const [first] = generateRecords({
      orders: 1,
      seed: 1,
      orderIdPrefix: 'x-',
      startAt: '2027-01-01T00:00:00Z',
    });
    expect(first?.streamId).toBe('order-x-1');
    expect(first?.type).toBe('StopRequested');
  });
});

describe('recordHistory', () => {
  it('decides command by command and lists what the domain refused', () => {
    const history = recordHistory([
      { type: 'RecordDispute', data: { orderId: 'o', disputedAt: '2026-03-02T10:00:00Z' } },
      {
        type: 'RequestStop',
        data: {
          orderId: 'o',
          merchantId: 'm',
          purchaseKind: 'goods',
          currency: 'DKK',
          totalAmount: 1000,
          totalTaxAmount: 200,
          requestedAt: '2026-03-01T10:00:00Z',
        },
      },
    ]);
    expect(history.events.map((event: Event) => [event.type, eventTime(event)])).toEqual([
      ['StopRequested', '2026-03-01T10:00:00Z'],
    ]);
    expect(history.rejected.map((r) => r.error.code)).toEqual(['STOP_NOT_REQUESTED']);
    expect(history.state.eventCount).toBe(1);
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = new Random(5);
    const b = new Random(5);
    const draws = Array.from({ length: 100 }, () => a.int(3, 7));
    expect(Array.from({ length: 100 }, () => b.int(3, 7))).toEqual(draws);
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(7);
    expect(a.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
