import { currencyDigits } from '@order-liability/domain';

/** An amount read from a report: integer minor units, or why it cannot be read. */
export type ParsedAmount =
  { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly reason: string };

const INTEGER = /^[+-]?\d+$/;

const failed = (reason: string): ParsedAmount => ({ ok: false, reason });

// Up to 15 digits, integers are exact in a double; longer ones go through BigInt.
const EXACT_DIGITS = 15;

/** Minor units from digit strings: `whole` (unsigned) and `fraction` (exactly the currency's digits). */
const minorOf = (whole: string, fraction: string, text: string): ParsedAmount => {
  const value =
    whole.length + fraction.length <= EXACT_DIGITS
      ? Number(whole) * 10 ** fraction.length + (fraction === '' ? 0 : Number(fraction))
      : Number(BigInt(whole + fraction));
  return Number.isSafeInteger(value)
    ? { ok: true, minor: value }
    : failed(`amount ${JSON.stringify(text)} is too large`);
};

const signed = (parsed: ParsedAmount, negative: boolean): ParsedAmount =>
  parsed.ok && negative && parsed.minor !== 0 ? { ok: true, minor: -parsed.minor } : parsed;

/**
 * Reads a report amount exactly, never through a float: an integer is minor units (`125000`), a
 * decimal is major units (`1250.00`) converted with the currency's minor-unit digits. Digits
 * beyond the currency's are accepted only when they are zeros. `decimalMarks` are the characters
 * accepted as the decimal point: `.` always, `,` too in `;`-separated files.
 */
export const parseAmount = (
  text: string,
  currency: string,
  decimalMarks: readonly string[] = ['.'],
): ParsedAmount => {
  const trimmed = text.trim();
  if (trimmed === '') return failed('amount is missing');
  const negative = trimmed.startsWith('-');
  if (INTEGER.test(trimmed))
    return signed(minorOf(trimmed.replace(/^[+-]/, ''), '', trimmed), negative);
  const mark = decimalMarks.find((m) => trimmed.includes(m));
  const parts = mark === undefined ? [] : trimmed.split(mark);
  const [whole, fraction] = parts;
  if (
    parts.length !== 2 ||
    whole === undefined ||
    fraction === undefined ||
    !/^[+-]?\d+$/.test(whole) ||
    !/^\d+$/.test(fraction)
  )
    return failed(`amount ${JSON.stringify(text)} is not a number`);
  const digits = currencyDigits(currency);
  const significant = fraction.slice(0, digits).padEnd(digits, '0');
  if (/[^0]/.test(fraction.slice(digits)))
    return failed(
      `amount ${JSON.stringify(text)} has more decimals than ${currency} has (${digits})`,
    );
  return signed(minorOf(whole.replace(/^[+-]/, ''), significant, trimmed), negative);
};
