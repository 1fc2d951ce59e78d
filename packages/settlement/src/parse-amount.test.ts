import { parseAmount } from './parse-amount';

describe('parseAmount: report amounts read exactly, never through a float', () => {
  it('reads an integer as minor units, whatever the currency', () => {
    expect(parseAmount('125000', 'DKK')).toEqual({ ok: true, minor: 125000 });
    expect(parseAmount('-3500', 'JPY')).toEqual({ ok: true, minor: -3500 });
  });

  it("reads a decimal as major units with the currency's minor digits", () => {
    expect(parseAmount('1250.00', 'DKK')).toEqual({ ok: true, minor: 125000 });
    expect(parseAmount('-1250.5', 'DKK')).toEqual({ ok: true, minor: -125050 });
    expect(parseAmount('12.345', 'KWD')).toEqual({ ok: true, minor: 12345 });
    expect(parseAmount('1250.0', 'JPY')).toEqual({ ok: true, minor: 1250 });
    // 0.1 + 0.2 as floats would be 0.30000000000000004.
    expect(parseAmount('0.30', 'EUR')).toEqual({ ok: true, minor: 30 });
    expect(parseAmount('-0.07', 'EUR')).toEqual({ ok: true, minor: -7 });
    expect(parseAmount('-0.00', 'EUR')).toEqual({ ok: true, minor: 0 });
    // Not -0, which Jest's toEqual tells from 0.
    expect(parseAmount('-0', 'EUR')).toEqual({ ok: true, minor: 0 });
    // 15 digits and more: exact through BigInt.
    expect(parseAmount('12345678901234.56', 'DKK')).toEqual({ ok: true, minor: 1234567890123456 });
    expect(parseAmount('-900719925474099.1', 'DKK')).toEqual({
      ok: false,
      reason: 'amount "-900719925474099.1" is too large',
    });
  });

  it('accepts a decimal comma only where the caller allows it (";"-separated files)', () => {
    expect(parseAmount('1250,00', 'DKK', ['.', ','])).toEqual({ ok: true, minor: 125000 });
    expect(parseAmount('1250,00', 'DKK')).toEqual({
      ok: false,
      reason: 'amount "1250,00" is not a number',
    });
  });

  it('accepts extra decimals only when they are zeros', () => {
    expect(parseAmount('1250.000', 'DKK')).toEqual({ ok: true, minor: 125000 });
    expect(parseAmount('1250.005', 'DKK')).toEqual({
      ok: false,
      reason: 'amount "1250.005" has more decimals than DKK has (2)',
    });
  });

  it('refuses what is not a number, is missing or is too large', () => {
    expect(parseAmount('12.5x', 'DKK')).toEqual({
      ok: false,
      reason: 'amount "12.5x" is not a number',
    });
    expect(parseAmount('1e3', 'DKK')).toEqual({
      ok: false,
      reason: 'amount "1e3" is not a number',
    });
    expect(parseAmount('1.2.3', 'DKK')).toEqual({
      ok: false,
      reason: 'amount "1.2.3" is not a number',
    });
    expect(parseAmount('  ', 'DKK')).toEqual({ ok: false, reason: 'amount is missing' });
    expect(parseAmount('9007199254740993', 'DKK')).toEqual({
      ok: false,
      reason: 'amount "9007199254740993" is too large',
    });
  });
});
