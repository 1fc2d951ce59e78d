import { BIGINT_MAX, toBigintParameter } from './bigint-range';
import type { Pool } from 'pg';
import { type Direction, storeUnavailable, streamNotFound } from '@order-liability/store';
import { toStoreError } from './pg-errors';
import { type MessageRow, REVISION } from './message-row';
import { queryDispatched } from './query-dispatched';
import { messageQueryConfig, queryConfig, type Statement, type Statements } from './statements';

export interface StreamReadSource {
  readonly pool: Pool;
  readonly schema: string;
  readonly statements: Statements;
  readonly pageSize: number;
  /** Throws STORE_UNAVAILABLE once the store is closed; called before every page. */
  readonly ensureOpen: () => void;
}

export interface StreamRead {
  readonly fromRevision: bigint | undefined;
  readonly maxCount: number | undefined;
  readonly direction: Direction;
}

const LAST_REVISION = BIGINT_MAX;

const query = async (
  source: StreamReadSource,
  statement: Statement,
  values: unknown[],
): Promise<MessageRow[]> => {
  try {
    const { rows } = await source.pool.query<unknown[]>(messageQueryConfig(statement, values));
    return rows;
  } catch (error) {
    throw toStoreError(error, { schema: source.schema });
  }
};

const ensureExists = async (source: StreamReadSource, streamName: string): Promise<void> => {
  let found: unknown;
  try {
    const { rows } = await source.pool.query<Record<string, unknown>>(
      queryConfig(source.statements.streamExists, [streamName]),
    );
    found = rows[0]?.['found'];
  } catch (error) {
    throw toStoreError(error, { schema: source.schema });
  }
  if (found !== true) throw streamNotFound(streamName);
};

/**
 * One stream's messages rows, a page at a time (keyset pagination on the revision), so a long
 * stream is never held in memory whole and a read costs one async step per page, not per
 * event. A stream with no events is STREAM_NOT_FOUND.
 */
export async function* readStreamPages(
  source: StreamReadSource,
  streamName: string,
  read: StreamRead,
): AsyncGenerator<readonly MessageRow[], void, undefined> {
  const forwards = read.direction === 'forwards';
  const statement = forwards
    ? source.statements.readStreamForwards
    : source.statements.readStreamBackwards;
  let next = read.fromRevision ?? (forwards ? 0n : LAST_REVISION);
  let remaining = read.maxCount ?? Number.POSITIVE_INFINITY;
  if (remaining === 0) {
    source.ensureOpen();
    await ensureExists(source, streamName);
    return;
  }
  // The page after a full one is asked for, and sent (queryDispatched), before the full one is
  // handed out, so the server reads it while the caller decodes; its rejection waits for the
  // caller's await.
  let prefetched: Promise<MessageRow[]> | undefined;
  for (let first = true; remaining > 0; first = false) {
    source.ensureOpen();
    const limit = Math.min(source.pageSize, remaining);
    const rows = await (prefetched ??
      query(source, statement, [streamName, toBigintParameter(next), limit]));
    prefetched = undefined;
    if (first && rows.length === 0) await ensureExists(source, streamName);
    const last = rows[rows.length - 1];
    if (last === undefined) return;
    const revision = last[REVISION];
    if (typeof revision !== 'bigint')
      throw storeUnavailable(`a row of stream ${streamName} lacks a column`);
    next = forwards ? revision + 1n : revision - 1n;
    remaining -= rows.length;
    const more = rows.length === limit && next >= 0n && remaining > 0;
    if (more) {
      prefetched = query(source, statement, [
        streamName,
        toBigintParameter(next),
        Math.min(source.pageSize, remaining),
      ]);
      prefetched.catch(() => undefined);
      await queryDispatched();
    }
    yield rows;
    if (!more) return;
  }
}
