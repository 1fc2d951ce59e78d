import { isRecord } from './is-record';
import { DEFAULT_MAX_DEPTH, nestedDeeperThan } from './json-depth';
import type { InvalidEntry } from './report';
import type { ParsedItem } from './source-item';

const PREVIEW_LENGTH = 40;

// The start of the line, on one line, so a person can find it.
const preview = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH)}…` : flat;
};

const isRevision = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const invalid = (entry: InvalidEntry): ParsedItem => ({ kind: 'invalid', entry });

const parseJson = (text: string): { readonly ok: true; readonly value: unknown } | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return undefined;
  }
};

const lineOf = (line: number | undefined) => (line === undefined ? {} : { line });

// What a refused line carried of streamId and revision, for the report.
const carried = (line: number | undefined, value: Record<string, unknown>) => {
  const { streamId, revision } = value;
  return {
    ...lineOf(line),
    ...(typeof streamId === 'string' ? { streamId } : {}),
    ...(isRevision(revision) ? { revision } : {}),
  };
};

/**
 * One line of a JSON Lines export as a source item; `undefined` for a blank line.
 * Whatever the line carries of streamId and revision is kept for the report. `line` is
 * the 1-based line number, when the text came from a file. Text nested deeper than
 * `maxDepth` levels is refused before it is parsed (`too-deep`). A key given twice counts
 * as JSON.parse reads it: the last one.
 */
export const parseExportLine = (
  text: string,
  line?: number,
  maxDepth: number = DEFAULT_MAX_DEPTH,
): ParsedItem | undefined => {
  if (text.trim() === '') return undefined;
  if (nestedDeeperThan(text, maxDepth))
    return invalid({
      ...lineOf(line),
      reason: `too-deep: the record nests objects and arrays deeper than ${maxDepth} levels (--max-depth)`,
    });
  const parsed = parseJson(text);
  if (parsed === undefined)
    return invalid({ ...lineOf(line), reason: `not JSON: ${preview(text)}` });
  const value = parsed.value;
  if (!isRecord(value))
    return invalid({
      ...lineOf(line),
      reason: 'not a recorded event: expected an object with streamId, revision, type and data',
    });
  const { streamId, revision } = value;
  if (typeof streamId !== 'string' || streamId === '')
    return invalid({
      ...carried(line, value),
      reason: 'not a recorded event: streamId must be a non-empty string',
    });
  if (!isRevision(revision))
    return invalid({
      ...carried(line, value),
      reason: 'not a recorded event: revision must be a non-negative whole number',
    });
  // The hot path: one plain object literal per line, no spreads.
  return {
    kind: 'raw',
    line,
    streamId,
    revision,
    type: value['type'],
    data: value['data'],
    metadata: value['metadata'],
  };
};
