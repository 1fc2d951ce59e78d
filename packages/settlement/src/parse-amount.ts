import { currencyDigits } from '@order-liability/domain';

/** An amount read from a report: integer minor units, or why it cannot be read. */
export type ParsedAmount =
  { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly reason: string };

const failed = (reason: string): ParsedAmount => ({ ok: false, reason });

const PLUS = 0x2b;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

// Up to 15 digits, integers are exact in a double; longer ones go through BigInt.
const EXACT_DIGITS = 15;

/** Whether text[from, to) is one or more ASCII digits (what `\d` means without the u flag). */
const isDigits = (text: string, from: number, to: number): boolean => {
  if (from >= to) return false;
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code < ZERO || code > NINE) return false;
  }
  return true;
};

/** The digits text[from, to) as a number; exact for up to EXACT_DIGITS digits. */
const digitsValue = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let at = from; at < to; at += 1) value = value * 10 + (text.charCodeAt(at) - ZERO);
  return value;
};

/**
 * Minor units from digits: the whole part text[wholeFrom, wholeTo) and the first `digits` of
 * the fraction text[fractionFrom, fractionTo), padded with zeros to `digits`.
 */
const minorOf = (
  text: string,
  wholeFrom: number,
  wholeTo: number,
  fractionFrom: number,
  fractionTo: number,
  digits: number,
  negative: boolean,
): ParsedAmount => {
  const taken = Math.min(fractionTo - fractionFrom, digits);
  let value: number;
  if (wholeTo - wholeFrom + digits <= EXACT_DIGITS)
    value =
      digitsValue(text, wholeFrom, wholeTo) * 10 ** digits +
      digitsValue(text, fractionFrom, fractionFrom + taken) * 10 ** (digits - taken);
  else {
    const fraction = text.slice(fractionFrom, fractionFrom + taken).padEnd(digits, '0');
    value = Number(BigInt(text.slice(wholeFrom, wholeTo) + fraction));
  }
  if (!Number.isSafeInteger(value)) return failed(`amount ${JSON.stringify(text)} is too large`);
  // Not -0: a negative zero is zero.
  return { ok: true, minor: negative && value !== 0 ? -value : value };
};

/** The first of `marks` that occurs in `text`, as `Array.prototype.find` would pick it. */
const markIn = (text: string, marks: readonly string[]): string | undefined => {
  for (const mark of marks) if (text.includes(mark)) return mark;
  return undefined;
};

/**
 * Reads a report amount exactly, never through a float: an integer is minor units (`125000`), a
 * decimal is major units (`1250.00`) converted with the currency's minor-unit digits. Digits
 * beyond the currency's are accepted only when they are zeros. `decimalMarks` are the characters
 * accepted as the decimal point: `.` always, `,` too in `;`-separated files.
 *
 * Read character by character: one row of a report costs one pass over its amount, no regular
 * expressions and no intermediate strings (a report has millions of rows).
 */
export const parseAmount = (
  text: string,
  currency: string,
  decimalMarks: readonly string[] = ['.'],
): ParsedAmount => {
  const trimmed = text.trim();
  const end = trimmed.length;
  if (end === 0) return failed('amount is missing');
  const first = trimmed.charCodeAt(0);
  const negative = first === MINUS;
  const wholeFrom = negative || first === PLUS ? 1 : 0;
  if (isDigits(trimmed, wholeFrom, end))
    return minorOf(trimmed, wholeFrom, end, end, end, 0, negative);
  // A decimal: a sign, digits, the first of the marks the text holds (once), digits.
  const mark = markIn(trimmed, decimalMarks);
  const at = mark === undefined ? -1 : trimmed.indexOf(mark);
  const fractionFrom = at + (mark?.length ?? 0);
  if (
    mark === undefined ||
    trimmed.indexOf(mark, fractionFrom) !== -1 ||
    !isDigits(trimmed, wholeFrom, at) ||
    !isDigits(trimmed, fractionFrom, end)
  )
    return failed(`amount ${JSON.stringify(text)} is not a number`);
  const digits = currencyDigits(currency);
  for (let extra = fractionFrom + digits; extra < end; extra += 1)
    if (trimmed.charCodeAt(extra) !== ZERO)
      return failed(
        `amount ${JSON.stringify(text)} has more decimals than ${currency} has (${digits})`,
      );
  return minorOf(trimmed, wholeFrom, at, fractionFrom, end, digits, negative);
};
