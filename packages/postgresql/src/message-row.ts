import type { CustomTypesConfig } from 'pg';
import type { Position, RawStoredEvent } from '@order-liability/store';

/**
 * A messages row as the reads select it, in node-postgres's array row mode: stream_id,
 * revision, transaction_id, global_position, type, data, metadata, then (readAll pages only)
 * the snapshot horizon, each already converted by `messageTypes`. Arrays, not objects: pg
 * builds one object per row by copying a template, which costs more than the array.
 */
export type MessageRow = readonly unknown[];

export const STREAM_ID = 0;
export const REVISION = 1;
export const TRANSACTION_ID = 2;
export const GLOBAL_POSITION = 3;
export const TYPE = 4;
export const DATA = 5;
export const METADATA = 6;
/** readAll pages: the horizon row's xmin and xmax (null in the rows of events). */
export const HORIZON_XMIN = 7;
export const HORIZON_XMAX = 8;

const INT8_OID = 20;
const XID8_OID = 5069;
const JSON_OID = 114;
const JSONB_OID = 3802;

// The server writes int8 and xid8 as plain decimal digits (a minus sign at most), so BigInt
// needs no check first. Below 16 characters the value is exact as a double, and
// BigInt(Number(text)) costs about half of BigInt(text).
const toBigint = (text: string): bigint => (text.length < 16 ? BigInt(Number(text)) : BigInt(text));

// A JSON text the database itself produced; should it not parse, the decoder reports the event
// as INVALID_EVENT (undefined is no valid data or metadata).
const parseJson = (text: string): unknown => {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
};

const asText = (text: string): string => text;

/** The parser of a column of the given type (node-postgres's type id): see messageTypes. */
export const messageTypeParser = (oid: number): ((text: string) => unknown) =>
  oid === INT8_OID || oid === XID8_OID
    ? toBigint
    : oid === JSONB_OID || oid === JSON_OID
      ? parseJson
      : asText;

/**
 * The reads' own type parsers, given with each query: the rows are the same whatever parsers
 * the application set on node-postgres, and numbers are converted once, as pg reads them.
 */
export const messageTypes: CustomTypesConfig = { getTypeParser: messageTypeParser };

/** The position of a message row: (transaction id, global position), compared as a pair. */
export const positionOfRow = (row: MessageRow): Position | undefined => {
  const commit = row[TRANSACTION_ID];
  const prepare = row[GLOBAL_POSITION];
  return typeof commit === 'bigint' && typeof prepare === 'bigint'
    ? { commit, prepare }
    : undefined;
};

/**
 * A messages row as the store's decoder takes it; undefined when the row lacks a column (no
 * such row is ever written by this adapter).
 */
export const rawStoredEventOfRow = (row: MessageRow): RawStoredEvent | undefined => {
  const streamId = row[STREAM_ID];
  const revision = row[REVISION];
  const position = positionOfRow(row);
  const type = row[TYPE];
  if (
    typeof streamId !== 'string' ||
    typeof revision !== 'bigint' ||
    position === undefined ||
    typeof type !== 'string'
  )
    return undefined;
  return { streamId, revision, position, type, data: row[DATA], metadata: row[METADATA] };
};
