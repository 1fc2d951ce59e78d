import * as E from 'fp-ts/Either';
import { parseInstant } from '@order-liability/domain';
import { isRecord, showValue } from './is-record';
import { CURRENT_SCHEMA_VERSION, type RecordedMetadata } from './port';

const OPTIONAL_TEXT = ['correlationId', 'causationId', 'idempotencyKey'] as const;
type OptionalText = Partial<Record<(typeof OPTIONAL_TEXT)[number], string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const problem = (field: string, expected: string, value: unknown): string =>
  `metadata.${field}: expected ${expected}, got ${showValue(value)}`;

const isSchemaVersion = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isSafeInteger(value) &&
  value >= 0 &&
  value <= CURRENT_SCHEMA_VERSION;

const SCHEMA_VERSION = `a schema version, a whole number from 0 to ${CURRENT_SCHEMA_VERSION}`;

// Absent, undefined and null all mean "not given": databases tend to return null for a missing column.
const optionalText = (
  metadata: Readonly<Record<string, unknown>>,
): E.Either<string, OptionalText> => {
  const result: OptionalText = {};
  for (const field of OPTIONAL_TEXT) {
    const value = metadata[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return E.left(problem(field, 'a text', value));
    result[field] = value;
  }
  return E.right(result);
};

// Events appended together share one recordedAt, and a read meets them one after another: the
// last text found valid is kept, so such a run is parsed once. The check is a pure function of
// the text, so keeping its answer changes no result.
let lastValidRecordedAt: string | undefined;
const isRecordedAt = (text: string): boolean => {
  if (text === lastValidRecordedAt) return true;
  if (parseInstant(text) === undefined) return false;
  lastValidRecordedAt = text;
  return true;
};

/**
 * Metadata as stored, read back, or the problem with it: decodeRecordedMetadata without the
 * Either, for the decoding of every event read.
 */
export const recordedMetadataOf = (input: unknown): RecordedMetadata | string => {
  if (!isRecord(input)) return `metadata: expected an object, got ${showValue(input)}`;
  const { eventId, recordedAt, schemaVersion } = input;
  if (typeof eventId !== 'string' || eventId === '')
    return problem('eventId', 'a non-empty text', eventId);
  if (typeof recordedAt !== 'string' || !isRecordedAt(recordedAt))
    return problem('recordedAt', 'an ISO-8601 UTC time', recordedAt);
  if (!isSchemaVersion(schemaVersion))
    return problem('schemaVersion', SCHEMA_VERSION, schemaVersion);
  // Most events carry none of the optional ids: their metadata is built without the spread.
  const { correlationId, causationId, idempotencyKey } = input;
  if ((correlationId ?? causationId ?? idempotencyKey ?? null) === null)
    return { eventId, recordedAt, schemaVersion };
  const text = optionalText(input);
  return E.isLeft(text) ? text.left : { eventId, recordedAt, ...text.right, schemaVersion };
};

/** Metadata as stored, read back: eventId, recordedAt (ISO-8601 UTC), schemaVersion, optional ids. */
export const decodeRecordedMetadata = (input: unknown): E.Either<string, RecordedMetadata> => {
  const metadata = recordedMetadataOf(input);
  return typeof metadata === 'string' ? E.left(metadata) : E.right(metadata);
};

/** What a caller may give on append, checked: every field optional, eventId a UUID. */
export interface GivenMetadata extends OptionalText {
  readonly eventId?: string;
  readonly schemaVersion?: number;
}

/** Metadata given on append. An eventId is a UUID (EventStoreDB needs one), kept in lower case. */
export const decodeGivenMetadata = (input: unknown): E.Either<string, GivenMetadata> => {
  if (input === undefined) return E.right({});
  if (!isRecord(input))
    return E.left(`metadata: expected an object or nothing, got ${showValue(input)}`);
  const { eventId, schemaVersion } = input;
  if (eventId !== undefined && (typeof eventId !== 'string' || !UUID.test(eventId)))
    return E.left(
      problem('eventId', 'a UUID such as 0b5f5c3e-2a0e-4c7e-9f55-3c1f0c2b8e11', eventId),
    );
  if (schemaVersion !== undefined && !isSchemaVersion(schemaVersion))
    return E.left(problem('schemaVersion', SCHEMA_VERSION, schemaVersion));
  return E.map((text: OptionalText) => ({
    ...(eventId === undefined ? {} : { eventId: eventId.toLowerCase() }),
    ...text,
    ...(schemaVersion === undefined ? {} : { schemaVersion }),
  }))(optionalText(input));
};
