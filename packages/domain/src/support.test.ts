import { isRecallableCarrier, normalizeCarrier } from './carriers';
import { currencyDigits, isCurrencyCode } from './currencies';
import { formatAmount } from './money';
import { defaultPolicy, resolvePolicy } from './policy';
import { parseInstant } from './timestamp';

describe('formatAmount', () => {
  it.each([
    [-125000, 'DKK', '-1.250,00 DKK'],
    [100000, 'DKK', '1.000,00 DKK'],
    [5, 'SEK', '0,05 SEK'],
    [0, 'EUR', '0,00 EUR'],
    [123456789, 'NOK', '1.234.567,89 NOK'],
    [-1500, 'JPY', '-1.500 JPY'],
    [1234, 'KWD', '1,234 KWD'],
  ])('%d %s reads %s', (amount, currency, text) => {
    expect(formatAmount(amount, currency)).toBe(text);
  });
});

describe('currencies', () => {
  it('knows ISO 4217 codes and their minor units', () => {
    expect([
      isCurrencyCode('DKK'),
      isCurrencyCode('XYZ'),
      isCurrencyCode('toString'),
      currencyDigits('JPY'),
      currencyDigits('XYZ'),
    ]).toEqual([true, false, false, 0, 2]);
  });
});

describe('carriers (A-5)', () => {
  it('normalizes by case-folding and keeping only letters and digits', () => {
    expect([
      normalizeCarrier('  Schenker \t  PRIVPAK '),
      normalizeCarrier('Post-Nord Danmark'),
      normalizeCarrier('Bring Ø 24/7'),
    ]).toEqual(['schenkerprivpak', 'postnorddanmark', 'bringø247']);
  });

  it.each([
    ['PostNord', true],
    ['postnord', true],
    [' DB  Schenker Privpak', true],
    ['PostNord DK', true],
    ['Post Nord', true],
    ['POSTNORD Danmark', true],
    ['Post-Nord Danmark', true],
    ['postnord sverige', true],
    ['DB Schenker Privpak', true],
    ['Schenker Privpak AB', true],
    ['GLS', false],
    ['GLS Denmark', false],
    ['DB Schenker', false],
    ['Nord Post', false],
    ['---', false],
  ])('%s recallable: %s', (carrier, expected) => {
    expect(isRecallableCarrier(carrier, defaultPolicy)).toBe(expected);
  });

  it('an alias of a carrier that is not recallable does not count', () => {
    expect(
      isRecallableCarrier('Fast Post', resolvePolicy({ carrierAliases: { 'Fast Post': 'GLS' } })),
    ).toBe(false);
  });

  it('an alias counts by its prefix too: "Fast Post Nord" with alias "Fast Post" → PostNord', () => {
    expect(
      isRecallableCarrier(
        'Fast Post Nord',
        resolvePolicy({ carrierAliases: { 'Fast Post': 'PostNord' } }),
      ),
    ).toBe(true);
  });

  it('a configured name that normalises to nothing matches no carrier', () => {
    expect(isRecallableCarrier('GLS', resolvePolicy({ recallableCarriers: ['--'] }))).toBe(false);
  });

  it('no carrier is not recallable', () => {
    expect(isRecallableCarrier(null, defaultPolicy)).toBe(false);
  });
});

describe('resolvePolicy', () => {
  it('keeps defaults for fields left out and takes null deadlines as given', () => {
    expect(resolvePolicy({ responseDeadlineHours: null, requireFormResponse: false })).toEqual({
      ...defaultPolicy,
      responseDeadlineHours: null,
      requireFormResponse: false,
    });
  });
});

describe('parseInstant', () => {
  it('gives milliseconds since the epoch, dropping digits below the millisecond', () => {
    expect([
      parseInstant('1970-01-01T00:00:00Z'),
      parseInstant('2026-03-02T09:00:00.0019Z'),
      parseInstant('2026-13-01T00:00:00Z'),
    ]).toEqual([0, 1772442000001, undefined]);
  });
});
