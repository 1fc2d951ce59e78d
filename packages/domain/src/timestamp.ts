// ISO-8601 UTC instants, parsed by hand so that a date that is not on the calendar
// (2026-02-30) is rejected instead of rolled over, and without touching a clock. Read digit by
// digit: every event replayed carries a few of these, so parsing must be cheap.

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

const ZERO = 48;

/** The number written by `length` digits at `at`, or -1 if any of them is not a digit. */
const digits = (text: string, at: number, length: number): number => {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

// The separators of `YYYY-MM-DDTHH:MM:SS`, by position.
const separators: readonly (readonly [number, string])[] = [
  [4, '-'],
  [7, '-'],
  [10, 'T'],
  [13, ':'],
  [16, ':'],
];

/**
 * Milliseconds since the Unix epoch of an ISO-8601 UTC instant (`2026-03-01T10:00:00Z`,
 * optional fraction of 1 to 9 digits, year 1970 or later), or `undefined` when the text is not
 * one. Digits below the millisecond are dropped.
 */
export const parseInstant = (text: string): number | undefined => {
  const length = text.length;
  if (length < 20 || length > 30 || text[length - 1] !== 'Z') return undefined;
  for (const [at, separator] of separators) if (text[at] !== separator) return undefined;
  let millis = 0;
  if (length > 20) {
    const fraction = length - 21;
    if (text[19] !== '.' || fraction < 1 || fraction > 9) return undefined;
    if (digits(text, 20, fraction) < 0) return undefined;
    millis = digits(`${text.slice(20, 20 + Math.min(fraction, 3))}00`, 0, 3);
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  // Before 1970 no order of ours existed, and Date.UTC maps years below 100 to 19xx.
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
};

/** Milliseconds since the epoch of an instant the codecs already accepted. */
export const instantMillis = (text: string): number => parseInstant(text) ?? Number.NaN;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
