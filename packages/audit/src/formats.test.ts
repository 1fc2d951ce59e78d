import { csvField, csvRow } from './csv';
import { formatCsv } from './format-csv';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import type { AuditReport, OrderRow } from './report';
import { paid, returned } from './__fixtures__/settlement-lines';

const report: AuditReport = {
  summary: {
    orders: 2,
    events: 9,
    invalid: 1,
    discrepancies: 1,
    byLiability: { undetermined: 0, none: 0, split: 0, merchant: 1, klarna: 1 },
    totals: { DKK: { fraudReturn: -250000, fraudPolicy: 100000 } },
  },
  discrepancies: [
    { expected: [returned, paid], booked: [returned], kind: 'lines-differ', orderId: '4711' },
  ],
  invalid: [{ reason: 'not JSON: x|y', line: 3 }],
};

describe('formatJson', () => {
  it('writes the documented shape, keys in the documented order', () => {
    expect(formatJson(report)).toBe(
      `${JSON.stringify(
        {
          summary: {
            orders: 2,
            events: 9,
            invalid: 1,
            discrepancies: 1,
            byLiability: { klarna: 1, merchant: 1, split: 0, none: 0, undetermined: 0 },
            totals: { DKK: { fraudReturn: -250000, fraudPolicy: 100000 } },
          },
          discrepancies: [
            {
              orderId: '4711',
              kind: 'lines-differ',
              booked: [returned],
              expected: [returned, paid],
            },
          ],
          invalid: [{ line: 3, reason: 'not JSON: x|y' }],
        },
        null,
        2,
      )}\n`,
    );
  });
});

describe('formatMarkdown', () => {
  const markdown = formatMarkdown(report, { source: 'events.jsonl', asOf: '2026-03-09T10:00:00Z' });

  it('has a heading, what it was made from, and the summary as a table', () => {
    expect(
      markdown.startsWith(
        '# Order liability audit\n\nSource: `events.jsonl` · As of: `2026-03-09T10:00:00Z` · Policy: default\n',
      ),
    ).toBe(true);
    expect(markdown).toContain('| Orders | 2 |');
    expect(markdown).toContain('| Discrepancies | 1 |');
    expect(markdown).toContain('| Liability `klarna` | 1 |');
    expect(markdown).toContain('| DKK | -2.500,00 DKK | 1.000,00 DKK |');
  });

  it('shows each discrepancy with its order id and amounts as a person reads them', () => {
    expect(markdown).toContain(
      [
        '### Order `4711`: lines-differ',
        '',
        '- Booked: Returnering (bedrageri) -1.250,00 DKK',
        '- Expected: Returnering (bedrageri) -1.250,00 DKK; Bedrageripolicy 1.000,00 DKK',
      ].join('\n'),
    );
  });

  it('keeps input text from breaking the tables', () => {
    expect(markdown).toContain('| 3 |  |  | not JSON: x\\|y |');
  });

  it('says so when there is nothing to report', () => {
    const clean = formatMarkdown({ ...report, discrepancies: [], invalid: [] });
    expect(clean).toContain('None: every booked settlement matches the recomputed decision.');
    expect(clean).toContain('## Invalid records\n\nNone.');
    expect(clean).toContain('Policy: default');
  });
});

describe('formatCsv', () => {
  const row = (orderId: string, extra: Partial<OrderRow> = {}): OrderRow => ({
    orderId,
    status: 'settled',
    liability: 'klarna',
    currency: 'DKK',
    requestedAt: '2026-03-02T10:00:00Z',
    totalAmount: 125000,
    expected: [returned, paid],
    booked: [returned, paid],
    bookings: 1,
    discrepancies: [],
    reasons: ['SR-5', 'SR-10'],
    ...extra,
  });

  it('writes a header and one row per order, quoting what needs quotes', () => {
    expect(
      formatCsv([
        row('4711'),
        row('a,"b"', { discrepancies: ['lines-differ', 'booked-twice'], expected: [] }),
      ]),
    ).toBe(
      [
        'orderId,status,liability,currency,fraudReturn,fraudPolicy,lines,bookings,discrepancies,reasons,line,streamId,revision,invalid',
        '4711,settled,klarna,DKK,-125000,100000,"Returnering (bedrageri) -1.250,00 DKK; Bedrageripolicy 1.000,00 DKK",1,,SR-5 SR-10,,,,',
        '"a,""b""",settled,klarna,DKK,0,0,none,1,lines-differ;booked-twice,SR-5 SR-10,,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('neutralises text cells a spreadsheet would run as a formula (OWASP), and keeps amounts numbers', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${start}HYPERLINK("http://x")`)).toBe(`"'${start}HYPERLINK(""http://x"")"`);
    expect(csvField(-125000)).toBe('-125000');
    expect(csvField('a=b')).toBe('a=b');
    expect(formatCsv([row('=1+2', { expected: [returned] })]).split('\r\n')[1]).toBe(
      `"'=1+2",settled,klarna,DKK,-125000,0,"Returnering (bedrageri) -1.250,00 DKK",1,,SR-5 SR-10,,,,`,
    );
  });

  it('lists invalid records after the orders, with line, stream, revision and reason', () => {
    const invalid = [
      { line: 3, reason: 'not JSON: {"streamId"' },
      { line: 9, streamId: '=cmd', revision: 2, reason: 'revision gap: expected 1, got 2' },
      { streamId: 'order-x', revision: 0, reason: '@store: cannot decode' },
    ];
    expect(
      formatCsv([row('4711')], invalid)
        .split('\r\n')
        .slice(2),
    ).toEqual([
      ',,,,,,,,,,3,,,"not JSON: {""streamId"""',
      `,,,,,,,,,,9,"'=cmd",2,"revision gap: expected 1, got 2"`,
      `,,,,,,,,,,,order-x,0,"'@store: cannot decode"`,
      '',
    ]);
  });

  it('quotes line breaks and surrounding spaces', () => {
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(42)).toBe('42');
    expect(csvRow(['a', 'b'])).toBe('a,b\r\n');
  });
});
