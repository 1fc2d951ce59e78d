import { type Event, eventTime, parseInstant } from '@order-liability/domain';
import { orderStreamName } from '@order-liability/store';
import { type ExportRecord, toJsonLine } from '../export-record';
import { MINUTE_MS } from './iso-time';
import { MinHeap } from './min-heap';
import { OrderScenario } from './order-scenario';
import { Random } from './random';
import { recordHistory } from './record-history';

export interface GenerateOptions {
  /** How many orders (streams). */
  readonly orders: number;
  /** The same seed gives the same export, line for line. */
  readonly seed: number;
  /** The first stop request, ISO-8601 UTC; default 2026-01-05T08:00:00Z. */
  readonly startAt?: string;
  /** Average minutes between two stop requests; default 5. */
  readonly spacingMinutes?: number;
  /** Order ids are `<prefix><n>`; default `ord-`. */
  readonly orderIdPrefix?: string;
}

interface Pending {
  readonly at: number;
  readonly seq: number;
  readonly record: ExportRecord;
}

const DEFAULT_START = '2026-01-05T08:00:00Z';

const millisOf = (event: Event, fallback: number): number =>
  parseInstant(eventTime(event)) ?? fallback;

const timedRecordsOf = (
  random: Random,
  orderId: string,
  requestedAt: number,
): { readonly at: number; readonly record: ExportRecord }[] => {
  const { events } = recordHistory(new OrderScenario(random, orderId, requestedAt).build());
  const streamId = orderStreamName(orderId);
  return events.map((event, revision) => ({
    at: millisOf(event, requestedAt),
    record: {
      streamId,
      revision,
      type: event.type,
      data: event.data,
      metadata: { eventId: random.uuid(), recordedAt: eventTime(event), schemaVersion: 1 },
    },
  }));
};

/**
 * A realistic, legal export: each order's case is decided command by command with the
 * domain (`decide`/`evolve`), and the cases are interleaved in global order by the time
 * each event happened, as a store would have recorded them. Lazy: the records of orders
 * still in flight are all it holds.
 */
export function* generateRecords(options: GenerateOptions): Generator<ExportRecord> {
  const random = new Random(options.seed);
  const start = parseInstant(options.startAt ?? DEFAULT_START) ?? 0;
  const spacing = (options.spacingMinutes ?? 5) * MINUTE_MS;
  const prefix = options.orderIdPrefix ?? 'ord-';
  const pending = new MinHeap<Pending>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  let seq = 0;
  let requestedAt = start;
  for (let n = 1; n <= options.orders; n += 1) {
    requestedAt += random.int(0, 2 * spacing);
    // Nothing of a later order can come before this order's stop request.
    for (
      let next = pending.peek();
      next !== undefined && next.at <= requestedAt;
      next = pending.peek()
    ) {
      pending.pop();
      yield next.record;
    }
    for (const { at, record } of timedRecordsOf(random, `${prefix}${n}`, requestedAt)) {
      pending.push({ at, seq, record });
      seq += 1;
    }
  }
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) yield next.record;
}

/** The same export as JSON lines (no newline at the end of each). */
export function* generateExport(options: GenerateOptions): Generator<string> {
  for (const record of generateRecords(options)) yield toJsonLine(record);
}
