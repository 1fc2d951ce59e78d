import { parseAmountInput } from './money-input';

describe('an amount typed in the form', () => {
  it.each([
    ['625', 62500],
    ['625,00', 62500],
    ['625.5', 62550],
    ['1.250,00', 125000],
    ['1 250,75', 125075],
    ['0', 0],
    [' 12,3 ', 1230],
  ])('"%s" DKK is %i øre', (text, minor) => {
    expect(parseAmountInput(text, 'DKK')).toBe(minor);
  });

  it.each(['', 'abc', '-5', '1,234', '12,345', '1e3', '1..2'])(
    '"%s" is not an amount in DKK',
    (text) => {
      expect(parseAmountInput(text, 'DKK')).toBeUndefined();
    },
  );

  it('has no decimals in a currency without minor units', () => {
    expect(parseAmountInput('1500', 'JPY')).toBe(1500);
    expect(parseAmountInput('1500,5', 'JPY')).toBeUndefined();
  });
});
