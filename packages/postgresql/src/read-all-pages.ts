import { toBigintParameter } from './bigint-range';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { type Position, storeUnavailable } from '@order-liability/store';
import { toStoreError } from './pg-errors';
import {
  HORIZON_XMAX,
  HORIZON_XMIN,
  type MessageRow,
  positionOfRow,
  STREAM_ID,
} from './message-row';
import { queryDispatched } from './query-dispatched';
import { messageQueryConfig, type Statements } from './statements';

export interface AllReadSource {
  readonly pool: Pool;
  readonly schema: string;
  readonly statements: Statements;
  readonly pageSize: number;
  /** How long a read waits for transactions that were open when it began; 0: not at all. */
  readonly waitMs: number;
  /** Throws STORE_UNAVAILABLE once the store is closed; called before every page. */
  readonly ensureOpen: () => void;
}

interface Page {
  /** The messages rows of the page, in order (none for an empty page). */
  readonly rows: readonly MessageRow[];
  /** No transaction below this id is still running: rows below it are final. */
  readonly xmin: bigint;
  /** Every transaction that had committed when the page's snapshot was taken is below this id. */
  readonly xmax: bigint;
}

const START: Position = { commit: 0n, prepare: 0n };
const MAX_PAUSE_MS = 50;
const fetchPage = async (source: AllReadSource, after: Position, limit: number): Promise<Page> => {
  let rows: unknown[][];
  try {
    ({ rows } = await source.pool.query<unknown[]>(
      messageQueryConfig(source.statements.readAllPage, [
        after.commit.toString(),
        toBigintParameter(after.prepare),
        limit,
      ]),
    ));
  } catch (error) {
    throw toStoreError(error, { schema: source.schema });
  }
  // The last row is the horizon, without an event; the rows before it are the page's events.
  const horizon = rows.pop();
  const xmin = horizon?.[HORIZON_XMIN];
  const xmax = horizon?.[HORIZON_XMAX];
  if (horizon?.[STREAM_ID] !== null || typeof xmin !== 'bigint' || typeof xmax !== 'bigint')
    throw storeUnavailable('PostgreSQL returned no snapshot horizon for a readAll page');
  return { rows, xmin, xmax };
};

/**
 * The messages rows of every non-system stream after `fromPosition`, ordered by (transaction
 * id, position), a page at a time: the caller converts and hands out the rows of a page one by
 * one, so a read costs one async step per page, not per event. A page holds only transactions
 * below its snapshot's xmin, all of them ended, so nothing can later be inserted before an
 * event already read: resuming from the last position never skips. At the end the read waits
 * until every transaction that was running when it began has ended (at most `waitMs`), so it
 * yields every event committed before it began; a poll that will come back anyway passes
 * `waitForOpenTransactions` false.
 */
export async function* readAllPages(
  source: AllReadSource,
  fromPosition: Position | undefined,
  maxCount: number | undefined,
  waitForOpenTransactions = true,
): AsyncGenerator<readonly MessageRow[], void, undefined> {
  let after = fromPosition ?? START;
  let remaining = maxCount ?? Number.POSITIVE_INFINITY;
  let target: bigint | undefined;
  let waitingSince: number | undefined;
  let pause = 1;
  // The page after a full one is asked for, and sent (queryDispatched), before the full one is
  // handed out, so the server reads it while the caller decodes (two processes, two cores); its
  // rejection waits for the caller's await, and a read abandoned early lets it finish unread.
  let prefetched: Promise<Page> | undefined;
  while (remaining > 0) {
    source.ensureOpen();
    const limit = Math.min(source.pageSize, remaining);
    const page = await (prefetched ?? fetchPage(source, after, limit));
    prefetched = undefined;
    target ??= page.xmax;
    const last = page.rows[page.rows.length - 1];
    if (last !== undefined) {
      const position = positionOfRow(last);
      if (position === undefined) throw storeUnavailable('a row of readAll lacks a column');
      after = position;
      remaining -= page.rows.length;
      if (page.rows.length === limit && remaining > 0) {
        source.ensureOpen();
        prefetched = fetchPage(source, after, Math.min(source.pageSize, remaining));
        prefetched.catch(() => undefined);
        await queryDispatched();
      }
      yield page.rows;
    }
    if (page.rows.length === limit) continue;
    if (page.xmin >= target || !waitForOpenTransactions || source.waitMs === 0) return;
    waitingSince ??= Date.now();
    if (Date.now() - waitingSince > source.waitMs)
      throw storeUnavailable(
        `readAll waited ${source.waitMs} ms for a transaction that was open when it began (transaction ${page.xmin}); read again from the last position seen, or end long-running transactions (docs/postgresql.md)`,
      );
    await sleep(pause);
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
  }
}
