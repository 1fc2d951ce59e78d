import { stringifyJson } from './json';

/** A plain object (not null, not an array): what event data and metadata are stored as. */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** A short, safe rendering of a value for error messages. */
export const showValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  let text: string;
  try {
    text = stringifyJson(value) ?? typeof value;
  } catch {
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;
};
