import { currencyDigits } from './currencies';

/**
 * An amount in minor units as a person reads it on a Danish sales note:
 * `formatAmount(-125000, 'DKK')` is `-1.250,00 DKK`. Integer arithmetic only.
 */
export const formatAmount = (minorUnits: number, currency: string): string => {
  const digits = currencyDigits(currency);
  const sign = minorUnits < 0 ? '-' : '';
  const text = String(Math.abs(minorUnits)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = digits > 0 ? `,${text.slice(text.length - digits)}` : '';
  return `${sign}${whole}${fraction} ${currency}`;
};
