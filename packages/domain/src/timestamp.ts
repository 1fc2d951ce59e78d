// ISO-8601 UTC instants, parsed by hand so that a date that is not on the calendar
// (2026-02-30) is rejected instead of rolled over, and without touching a clock.
const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Milliseconds since the Unix epoch of an ISO-8601 UTC instant (`2026-03-01T10:00:00Z`,
 * optional fraction, year 1970 or later), or `undefined` when the text is not one. Digits below the
 * millisecond are dropped.
 */
export const parseInstant = (text: string): number | undefined => {
  const match = pattern.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined
  )
    return undefined;
  const fraction = match[7] ?? '';
  const millis = Number((fraction + '000').slice(0, 3));
  // Before 1970 no order of ours existed, and Date.UTC maps years below 100 to 19xx.
  if (year < 1970) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
};

/** Milliseconds since the epoch of an instant the codecs already accepted. */
export const instantMillis = (text: string): number => parseInstant(text) ?? Number.NaN;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
