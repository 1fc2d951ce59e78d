import type { Position } from '@order-liability/store';

/** A row of the append function as node-postgres hands it over: column name to value. */
export type Row = Readonly<Record<string, unknown>>;

// The append selects every number as text (::text), so its row looks the same whatever type
// parsers the application set on node-postgres. (The reads give their own: message-row.ts.)

const DECIMAL = /^-?\d+$/;

export const textColumn = (row: Row, column: string): string | undefined => {
  const value = row[column];
  return typeof value === 'string' ? value : undefined;
};

export const bigintColumn = (row: Row, column: string): bigint | undefined => {
  const value = textColumn(row, column);
  return value !== undefined && DECIMAL.test(value) ? BigInt(value) : undefined;
};

/** The position of a message: (transaction id, global position), compared as a pair. */
export const positionOf = (row: Row): Position | undefined => {
  const commit = bigintColumn(row, 'transaction_id');
  const prepare = bigintColumn(row, 'global_position');
  return commit === undefined || prepare === undefined ? undefined : { commit, prepare };
};
