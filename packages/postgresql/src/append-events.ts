import type { Pool } from 'pg';
import {
  type AppendResult,
  checkExpectedRevision,
  type EventStoreError,
  type ExpectedRevision,
  invalidEvent,
  storeUnavailable,
} from '@order-liability/store';
import { toBigintParameter } from './bigint-range';
import { pgErrorFields, toStoreError, WRONG_EXPECTED_VERSION_STATE } from './pg-errors';
import { bigintColumn, positionOf, type Row } from './rows';
import { queryConfig, type Statement } from './statements';

/** One event as the append function takes it. */
export interface EventRow {
  readonly eventId: string;
  readonly type: string;
  /** JSON data; null rather than undefined (a key with undefined would vanish from the JSON). */
  readonly data: unknown;
  readonly metadata: unknown;
}

export interface AppendTarget {
  readonly pool: Pool;
  readonly schema: string;
  /** The append statement (statements.ts). */
  readonly statement: Statement;
}

const expectedText = (expected: ExpectedRevision): string =>
  typeof expected === 'bigint' ? toBigintParameter(expected) : expected;

// The append function reports the actual revision as text, -1 for a stream with no events.
const actualRevision = (detail: string | undefined): bigint | 'no-stream' | undefined => {
  if (detail === undefined || !/^-?\d+$/.test(detail)) return undefined;
  const revision = BigInt(detail);
  return revision < 0n ? 'no-stream' : revision;
};

const conflict = (
  streamName: string,
  expected: ExpectedRevision,
  detail: string | undefined,
  error: unknown,
): EventStoreError => {
  const actual = actualRevision(detail);
  return (
    (actual === undefined ? undefined : checkExpectedRevision(streamName, expected, actual)) ??
    storeUnavailable(
      `PostgreSQL reported a wrong expected version with actual ${detail ?? 'unknown'}`,
      error,
    )
  );
};

const resultOf = (row: Row | undefined): AppendResult | undefined => {
  if (row === undefined) return undefined;
  const nextExpectedRevision = bigintColumn(row, 'revision');
  const position = positionOf(row);
  return nextExpectedRevision === undefined || position === undefined
    ? undefined
    : { nextExpectedRevision, position };
};

const payloadOf = (streamName: string, events: readonly EventRow[]): string => {
  try {
    return JSON.stringify(events);
  } catch (error) {
    throw invalidEvent(
      streamName,
      undefined,
      `data: expected JSON data (${error instanceof Error ? error.message : 'not serialisable'})`,
    );
  }
};

/**
 * Appends in one statement, so in one transaction: the database locks the stream's row,
 * recognises a retried append by its event ids, checks the expected revision and writes.
 */
export const appendEvents = async (
  target: AppendTarget,
  streamName: string,
  events: readonly EventRow[],
  expected: ExpectedRevision,
): Promise<AppendResult> => {
  const payload = payloadOf(streamName, events);
  let rows: Row[];
  try {
    ({ rows } = await target.pool.query<Row>(
      queryConfig(target.statement, [streamName, expectedText(expected), payload]),
    ));
  } catch (error) {
    const { code, detail } = pgErrorFields(error);
    if (code === WRONG_EXPECTED_VERSION_STATE) throw conflict(streamName, expected, detail, error);
    throw toStoreError(error, { schema: target.schema, streamId: streamName });
  }
  const result = resultOf(rows[0]);
  if (result === undefined)
    throw storeUnavailable(`the append function of schema "${target.schema}" returned no result`);
  return result;
};
