import { formatHtml } from './format-html';
import { escapeHtml, jsonForScript } from './html-text';
import type { AuditResult } from './report';

const hostile = '<script>alert(1)</script>';
const returned = {
  kind: 'fraud-return',
  label: 'Returnering (bedrageri)',
  amount: -125000,
  currency: 'DKK',
} as const;

const result: AuditResult = {
  report: {
    summary: {
      orders: 1,
      events: 5,
      invalid: 1,
      discrepancies: 1,
      byLiability: { klarna: 1, merchant: 0, split: 0, none: 0, undetermined: 0 },
      totals: { DKK: { fraudReturn: -125000, fraudPolicy: 0 } },
    },
    discrepancies: [
      { orderId: hostile, kind: 'fraud-not-booked', booked: [], expected: [returned] },
    ],
    invalid: [{ line: 7, reason: `not JSON: ${hostile}` }],
  },
  orders: [
    {
      orderId: hostile,
      status: 'resolved-fraud',
      liability: 'klarna',
      currency: 'DKK',
      requestedAt: '2026-03-02T10:00:00Z',
      totalAmount: 125000,
      expected: [returned],
      booked: [],
      bookings: 0,
      discrepancies: ['fraud-not-booked'],
      reasons: ['SR-5'],
    },
  ],
  records: 6,
};

describe('formatHtml', () => {
  it('escapes every text from the input, in the page and in the embedded data', () => {
    const html = formatHtml(result, { source: `${hostile}.jsonl` });
    expect(html).not.toContain(hostile);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
    expect(jsonForScript({ a: '</script>\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u2028"}');
  });

  it('is one self-contained page: Chart.js inlined, nothing loaded from elsewhere', () => {
    const html = formatHtml(result);
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*\shref=|@import|url\(/);
    expect(html.match(/<canvas id="chart-[a-z]+">/g)).toEqual([
      '<canvas id="chart-liability">',
      '<canvas id="chart-kinds">',
      '<canvas id="chart-money">',
    ]);
  });

  it('lists the invalid records with line and reason', () => {
    expect(formatHtml(result)).toContain(
      '<tr><td class="number" data-sort="7">7</td><td></td><td class="number" data-sort="-1"></td><td>not JSON: &lt;script&gt;alert(1)&lt;/script&gt;</td></tr>',
    );
  });
});
