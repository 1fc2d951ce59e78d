import { toBigintParameter } from './bigint-range';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { type Position, type RawStoredEvent, storeUnavailable } from '@order-liability/store';
import { toStoreError } from './pg-errors';
import { bigintColumn, rawStoredEventOf, type Row } from './rows';
import { queryConfig, type Statements } from './statements';

export interface AllReadSource {
  readonly pool: Pool;
  readonly schema: string;
  readonly statements: Statements;
  readonly pageSize: number;
  /** How long a read waits for transactions that were open when it began; 0: not at all. */
  readonly waitMs: number;
  /** Throws STORE_UNAVAILABLE once the store is closed; called before every page and event. */
  readonly ensureOpen: () => void;
}

interface Page {
  readonly events: RawStoredEvent[];
  /** No transaction below this id is still running: rows below it are final. */
  readonly xmin: bigint;
  /** Every transaction that had committed when the page's snapshot was taken is below this id. */
  readonly xmax: bigint;
}

const START: Position = { commit: 0n, prepare: 0n };
const MAX_PAUSE_MS = 50;

const fetchPage = async (source: AllReadSource, after: Position, limit: number): Promise<Page> => {
  let rows: Row[];
  try {
    ({ rows } = await source.pool.query<Row>(
      queryConfig(source.statements.readAllPage, [
        after.commit.toString(),
        toBigintParameter(after.prepare),
        limit,
      ]),
    ));
  } catch (error) {
    throw toStoreError(error, { schema: source.schema });
  }
  const first = rows[0];
  const xmin = first === undefined ? undefined : bigintColumn(first, 'horizon_xmin');
  const xmax = first === undefined ? undefined : bigintColumn(first, 'horizon_xmax');
  if (xmin === undefined || xmax === undefined)
    throw storeUnavailable('PostgreSQL returned no snapshot horizon for a readAll page');
  const events: RawStoredEvent[] = [];
  for (const row of rows) {
    if (row['stream_id'] === null) continue; // the empty page's horizon-only row
    const raw = rawStoredEventOf(row);
    if (raw === undefined) throw storeUnavailable('a row of readAll lacks a column');
    events.push(raw);
  }
  return { events, xmin, xmax };
};

/**
 * Every event of every non-system stream after `fromPosition`, ordered by (transaction id,
 * position), page by page. A page holds only transactions below its snapshot's xmin, all of
 * them ended, so nothing can later be inserted before an event already read: resuming from
 * the last position never skips. At the end the read waits until every transaction that was
 * running when it began has ended (at most `waitMs`), so it yields every event committed
 * before it began; a poll that will come back anyway passes `waitForOpenTransactions` false.
 */
export async function* readAllPages(
  source: AllReadSource,
  fromPosition: Position | undefined,
  maxCount: number | undefined,
  waitForOpenTransactions = true,
): AsyncGenerator<RawStoredEvent, void, undefined> {
  let after = fromPosition ?? START;
  let remaining = maxCount ?? Number.POSITIVE_INFINITY;
  let target: bigint | undefined;
  let waitingSince: number | undefined;
  let pause = 1;
  while (remaining > 0) {
    source.ensureOpen();
    const limit = Math.min(source.pageSize, remaining);
    const page = await fetchPage(source, after, limit);
    target ??= page.xmax;
    for (const event of page.events) {
      source.ensureOpen();
      yield event;
      after = event.position;
      remaining -= 1;
    }
    if (page.events.length === limit) continue;
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
