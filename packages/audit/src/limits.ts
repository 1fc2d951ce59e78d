import { usageError } from './audit-error';
import { DEFAULT_MAX_DEPTH } from './json-depth';
import { DEFAULT_MAX_INFLATED_BYTES, DEFAULT_MAX_INFLATE_RATIO } from './open-lines';
import { DEFAULT_MAX_RECORD_BYTES } from './split-lines';

/** The largest --max-record-bytes: a record as text must stay far below V8's string limit. */
export const MAX_RECORD_BYTES_LIMIT = 256 * 1024 * 1024;

/** A whole number in 1..max, or a USAGE AuditError naming the setting. */
export const checkWholeNumber = (
  name: string,
  value: number | undefined,
  fallback: number,
  max: number,
): number => {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1 || value > max)
    throw usageError(`${name} must be a whole number from 1 to ${max}, got ${value}`);
  return value;
};

/** The record size limit to read with (default 16 MiB). */
export const checkMaxRecordBytes = (value: number | undefined): number =>
  checkWholeNumber('--max-record-bytes', value, DEFAULT_MAX_RECORD_BYTES, MAX_RECORD_BYTES_LIMIT);

/** The deepest --max-depth: the codecs and the serialiser recurse once per level. */
export const MAX_DEPTH_LIMIT = 1000;

/** The nesting limit to parse with (default 256). */
export const checkMaxDepth = (value: number | undefined): number =>
  checkWholeNumber('--max-depth', value, DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT);

/** The gzip inflate ratio limit to read with (default 100). */
export const checkMaxInflateRatio = (value: number | undefined): number =>
  checkWholeNumber('--max-inflate-ratio', value, DEFAULT_MAX_INFLATE_RATIO, 1_000_000);

/** The gzip inflated size limit to read with (default 64 GiB). */
export const checkMaxInflatedBytes = (value: number | undefined): number =>
  checkWholeNumber(
    '--max-inflated-bytes',
    value,
    DEFAULT_MAX_INFLATED_BYTES,
    Number.MAX_SAFE_INTEGER,
  );
