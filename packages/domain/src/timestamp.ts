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
 * one. Digits below the millisecond are dropped. Any form; parseInstant reads the usual two
 * faster. Exported for the tests, not on the index.
 */
export const parseInstantInFull = (text: string): number | undefined => {
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

// The two forms nearly every stored instant has: `2026-01-02T03:04:05Z` (events) and
// `2026-01-02T03:04:05.678Z` (recordedAt, from Date.toISOString).
const SECONDS_FORM = 20;
const MILLIS_FORM = 24;
// Character codes of 'Z', '-', 'T', ':' and '.'.
const Z = 90;
const DASH = 45;
const T = 84;
const COLON = 58;
const DOT = 46;

/** Two digits at `at`, or -1. */
const twoDigits = (text: string, at: number): number => {
  const tens = text.charCodeAt(at) - ZERO;
  const ones = text.charCodeAt(at + 1) - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
};

// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (the "days from civil"
// algorithm): what Date.UTC computes, in integers, without its argument conversions.
const daysSinceEpoch = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

/** The instant written in one of the two usual forms, or -1 for anything else. */
const usualInstant = (text: string): number => {
  const length = text.length;
  if (length !== SECONDS_FORM && length !== MILLIS_FORM) return -1;
  if (
    text.charCodeAt(length - 1) !== Z ||
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON ||
    (length === MILLIS_FORM && text.charCodeAt(19) !== DOT)
  )
    return -1;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const millis = length === MILLIS_FORM ? digits(text, 20, 3) : 0;
  const year = century * 100 + yearOfCentury;
  if (century < 0 || yearOfCentury < 0 || millis < 0 || year < 1970) return -1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return -1;
  return (
    daysSinceEpoch(year, month, day) * DAY_MS +
    hour * HOUR_MS +
    minute * 60_000 +
    second * 1000 +
    millis
  );
};

// The two usual forms, from 1970, with each month's days (the 29th of February in any year):
// what usualInstant accepts but for the 29th of February of a common year. A regular expression
// runs in V8's compiled matcher, a third cheaper than reading the characters one by one.
const USUAL_FORM =
  /^(?:19[7-9]\d|[2-9]\d{3})-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;

const NINE = 57;

// Whether the text is one of the two usual forms of an instant: what usualInstant accepts,
// without computing the instant. Decoding asks only this, for every timestamp of every event.
const isUsualInstant = (text: string): boolean =>
  USUAL_FORM.test(text) &&
  (text.charCodeAt(9) !== NINE ||
    twoDigits(text, 5) !== 2 ||
    twoDigits(text, 8) !== 29 ||
    isLeapYear(twoDigits(text, 0) * 100 + twoDigits(text, 2)));

/** Whether `parseInstant` gives an instant for `text`, without computing it. */
export const isInstant = (text: string): boolean =>
  isUsualInstant(text) || parseInstantInFull(text) !== undefined;

/**
 * Milliseconds since the Unix epoch of an ISO-8601 UTC instant (`2026-03-01T10:00:00Z`,
 * optional fraction of 1 to 9 digits, year 1970 or later), or `undefined` when the text is not
 * one. Digits below the millisecond are dropped.
 */
export const parseInstant = (text: string): number | undefined => {
  const usual = usualInstant(text);
  return usual >= 0 ? usual : parseInstantInFull(text);
};

/** Milliseconds since the epoch of an instant the codecs already accepted. */
export const instantMillis = (text: string): number => parseInstant(text) ?? Number.NaN;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
