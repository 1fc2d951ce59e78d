export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** An ISO-8601 UTC instant to the second: `2026-03-01T10:00:00Z`. */
export const isoTime = (millis: number): string =>
  new Date(Math.floor(millis / 1000) * 1000).toISOString().replace('.000Z', 'Z');
