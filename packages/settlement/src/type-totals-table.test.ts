import { TypeTotalsTable } from './type-totals-table';

describe('TypeTotalsTable: expected and settled sums per detailed type and currency', () => {
  it('adds each side to its own sum and lists them by type, then currency', () => {
    const totals = new TypeTotalsTable();
    totals.add('REVERSAL', 'SEK', 'actual', 500);
    totals.add('FRAUD_POLICY_CHARGE', 'SEK', 'expected', 100);
    totals.add('FRAUD_POLICY_CHARGE', 'DKK', 'actual', 125000);
    totals.add('FRAUD_POLICY_CHARGE', 'DKK', 'actual', 125000);
    totals.add('FRAUD_POLICY_CHARGE', 'DKK', 'expected', 125000);
    expect(totals.list()).toEqual([
      { detailedType: 'FRAUD_POLICY_CHARGE', currency: 'DKK', expected: 125000, actual: 250000 },
      { detailedType: 'FRAUD_POLICY_CHARGE', currency: 'SEK', expected: 100, actual: 0 },
      { detailedType: 'REVERSAL', currency: 'SEK', expected: 0, actual: 500 },
    ]);
  });

  it('lists nothing before anything is added', () => {
    expect(new TypeTotalsTable().list()).toEqual([]);
  });
});
