import { currencyDigits } from '@order-liability/domain';

/**
 * Reads an amount typed in the form ("625", "625,5", "1.250,00", "1250.00"; never "1,250" for
 * a thousand) as integer minor
 * units of `currency`, exactly (no floats); undefined when it is not an amount.
 */
export const parseAmountInput = (text: string, currency: string): number | undefined => {
  const digits = currencyDigits(currency);
  const compact = text.trim().replace(/\s/g, '');
  // Thousands grouped by "." (or spaces, removed above); the decimal mark is "," or ".".
  const match = new RegExp(
    `^(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:[.,](\\d{1,${Math.max(digits, 1)}}))?$`,
  ).exec(compact);
  if (match === null) return undefined;
  const whole = (match[1] ?? '').replace(/[.,]/g, '');
  const fraction = match[2] ?? '';
  if (digits === 0 && fraction !== '') return undefined;
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : undefined;
};
