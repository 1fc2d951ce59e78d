import { runFaqCase } from './run-faq-case';

// Each FAQ example, as printed: the decision line and the sales note.
const printed = (name: string) => {
  const lines: string[] = [];
  runFaqCase(name, (line) => lines.push(line));
  const from = lines.findIndex((line) => line.startsWith('Decision:'));
  const note = lines.indexOf('Sales note:');
  return [lines[from], ...lines.slice(note + 1)];
};

describe('FAQ examples', () => {
  it.each([
    ['stopped-in-time', ['Decision: liability none, status stopped (SR-3)', '  (no lines)']],
    [
      'shipped-postnord',
      [
        'Decision: liability klarna, status settled (SR-5, SR-10, SR-7, SR-9)',
        '  Returnering (bedrageri)      -1.250,00 DKK',
        '  Bedrageripolicy               1.000,00 DKK',
      ],
    ],
    [
      'shipped-other-carrier',
      [
        'Decision: liability klarna, status under-investigation (SR-5, SR-10, SR-7)',
        '  (no lines)',
      ],
    ],
    [
      'shipped-without-tracking',
      [
        'Decision: liability merchant, status settled (SR-6, SR-10, SR-7, SR-9)',
        '  Returnering (bedrageri)      -1.250,00 DKK',
      ],
    ],
    [
      'service-not-interruptible',
      [
        'Decision: liability klarna, status settled (SR-4, A-1, SR-10, SR-7, SR-9)',
        '  Returnering (bedrageri)      -1.250,00 DKK',
        '  Bedrageripolicy               1.000,00 DKK',
      ],
    ],
    [
      'split-parcels',
      [
        'Decision: liability split, status settled (SR-5, SR-6, SR-10, SR-7, SR-9)',
        '  Returnering (bedrageri)      -1.250,00 DKK',
        '  Bedrageripolicy                 600,00 DKK',
      ],
    ],
    ['returned-parcel', ['Decision: liability none, status returned (SR-5, SR-8)', '  (no lines)']],
  ])('%s', (name, expected) => {
    expect(printed(name)).toEqual(expected);
  });

  it('prints the history a person reads', () => {
    const lines: string[] = [];
    runFaqCase('split-parcels', (line) => lines.push(line));
    expect(lines.slice(0, 10)).toEqual([
      '== Two parcels, one without tracking: split liability (SR-6, SR-9, SR-10) ==',
      'History:',
      '   1. StopRequested                stop requested for order 4711 of goods, 1.250,00 DKK (VAT 250,00 DKK)',
      '   2. ShippedWithTracking          shipped with PostNord, tracking PN-1: 750,00 DKK (VAT 150,00 DKK)',
      '   3. RecallRequested              recall of PN-1 requested by klarna',
      '   4. ShippedWithoutTracking       shipped WITHOUT tracking (GLS): 500,00 DKK (VAT 100,00 DKK)',
      '   5. Disputed                     customer disputed the invoice',
      '   6. InvestigationConcluded       investigation concluded: fraud',
      '   7. SettlementBooked             settlement booked (2 lines)',
      'Decision: liability split, status settled (SR-5, SR-6, SR-10, SR-7, SR-9)',
    ]);
  });
});
