import type { Position, RawStoredEvent } from '@order-liability/store';

/** A row as node-postgres hands it over: column name to value, nothing known yet. */
export type Row = Readonly<Record<string, unknown>>;

// Every number and JSON column is selected as text (::text), so the rows look the same
// whatever type parsers the application set on node-postgres.

const DECIMAL = /^-?\d+$/;

export const textColumn = (row: Row, column: string): string | undefined => {
  const value = row[column];
  return typeof value === 'string' ? value : undefined;
};

export const bigintColumn = (row: Row, column: string): bigint | undefined => {
  const value = textColumn(row, column);
  return value !== undefined && DECIMAL.test(value) ? BigInt(value) : undefined;
};

// A JSON text the database itself produced; should it not parse, the decoder reports the
// event as INVALID_EVENT (undefined is no valid data or metadata).
const jsonColumn = (row: Row, column: string): unknown => {
  const text = textColumn(row, column);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
};

/** The position of a message: (transaction id, global position), compared as a pair. */
export const positionOf = (row: Row): Position | undefined => {
  const commit = bigintColumn(row, 'transaction_id');
  const prepare = bigintColumn(row, 'global_position');
  return commit === undefined || prepare === undefined ? undefined : { commit, prepare };
};

/**
 * A messages row (stream_id, revision, transaction_id, global_position, type, data, metadata)
 * as the store's decoder takes it; undefined when the row lacks a column (no such row is ever
 * written by this adapter).
 */
export const rawStoredEventOf = (row: Row): RawStoredEvent | undefined => {
  const streamId = textColumn(row, 'stream_id');
  const revision = bigintColumn(row, 'revision');
  const position = positionOf(row);
  const type = textColumn(row, 'type');
  if (
    streamId === undefined ||
    revision === undefined ||
    position === undefined ||
    type === undefined
  )
    return undefined;
  return {
    streamId,
    revision,
    position,
    type,
    data: jsonColumn(row, 'data'),
    metadata: jsonColumn(row, 'metadata'),
  };
};
