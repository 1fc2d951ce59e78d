import type { Readable } from 'node:stream';
import * as E from 'fp-ts/Either';
import type { PolicyOverride } from '@order-liability/domain';
import type { EventStore } from '@order-liability/store';
import { parseAsOf } from './as-of';
import { type AuditorOptions, createAuditor } from './auditor';
import { openExportFile } from './file-source';
import { availableParallelism } from 'node:os';
import { replayLines } from './file-pass';
import { openLines, STDIN_PATH } from './open-lines';
import { auditInWorkers } from './worker-audit';
import {
  checkWholeNumber,
  checkMaxDepth,
  checkMaxInflatedBytes,
  checkMaxInflateRatio,
  checkMaxRecordBytes,
} from './limits';
import { auditPartitioned } from './partitioned-audit';
import { type ProgressListener, ProgressTicker } from './progress';
import type { AuditResult } from './report';
import type { SourceItem } from './source-item';
import { storeItems, type StoreItemsOptions } from './store-source';

export interface AuditOptions {
  /** A partial override of the domain's default policy (e.g. a decoded --policy file). */
  readonly policy?: PolicyOverride;
  /** Time travel: an ISO-8601 UTC instant; only what had happened by then is replayed. */
  readonly asOf?: string;
  /** Called every `progressEvery` records (default 10,000) and once at the end. */
  readonly onProgress?: ProgressListener;
  readonly progressEvery?: number;
  /**
   * Replays the orders in this many partitions, through temporary files, so that memory
   * holds one partition's orders at a time; 1 (the default of auditItems and auditStore)
   * replays in memory in one pass. auditFile chooses by the file's size when not given.
   */
  readonly partitions?: number;
  /** Where partition files go; default the system's temporary directory. */
  readonly tempDir?: string;
  /** Keep one row per order in `AuditResult.orders` (needed for CSV); default false. */
  readonly rows?: boolean;
  /**
   * auditFile: a line longer than this many bytes is not read into memory but reported as
   * an invalid record (`record-too-large`); default 16 MiB, at most 256 MiB.
   */
  readonly maxRecordBytes?: number;
  /** auditFile: gzip inflating past this many times its compressed size is refused; default 100. */
  readonly maxInflateRatio?: number;
  /** auditFile: gzip inflating past this many bytes is refused; default 64 GiB. */
  readonly maxInflatedBytes?: number;
  /** auditFile: what the path `-` reads; default the process's stdin. */
  readonly stdin?: Readable;
  /** Records nested deeper than this many levels are invalid (`too-deep`); default 256, at most 1,000. */
  readonly maxDepth?: number;
  /** auditStore: how a read the store became unavailable for is resumed. */
  readonly storeRead?: StoreItemsOptions;
  /**
   * auditFile: worker threads replaying the streams side by side, each reading the file
   * itself; default the machine's cores (os.availableParallelism) for a file of 32 MB or
   * more (gzip: 3.2 MB), else 1. Not for stdin, nor when `partitions` is given.
   */
  readonly workers?: number;
  /**
   * auditFile's single pass: orders held open at most; past it the least recently read is
   * assessed and let go, and should it come back the file is replayed in partitions
   * instead. Default 20,000 (an export written stream by stream holds one open).
   */
  readonly maxOpenOrders?: number;
}

const DEFAULT_PROGRESS_EVERY = 10_000;
// Far more threads than any machine has cores would only cost memory.
const MAX_WORKERS = 256;

const auditorOptions = (
  options: Omit<AuditOptions, 'maxOpenOrders' | 'workers'>,
): AuditorOptions => {
  let asOf: number | undefined;
  if (options.asOf !== undefined) {
    const parsed = parseAsOf(options.asOf);
    if (E.isLeft(parsed)) throw parsed.left;
    asOf = parsed.right;
  }
  return {
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(options.rows === undefined ? {} : { rows: options.rows }),
    maxDepth: checkMaxDepth(options.maxDepth),
  };
};

const replay = async (
  items: AsyncIterable<SourceItem>,
  options: AuditOptions,
  sourceFraction: (() => number) | undefined,
): Promise<AuditResult> => {
  const checked = auditorOptions(options);
  const ticker = new ProgressTicker(
    options.onProgress,
    options.progressEvery ?? DEFAULT_PROGRESS_EVERY,
  );
  const partitions = Math.max(1, Math.floor(options.partitions ?? 1));
  let result: AuditResult;
  let records: number;
  if (partitions > 1) {
    ({ result, records } = await auditPartitioned(items, {
      ...checked,
      partitions,
      ticker,
      ...(options.tempDir === undefined ? {} : { tempDir: options.tempDir }),
      ...(sourceFraction === undefined ? {} : { sourceFraction }),
    }));
  } else {
    const auditor = createAuditor(checked);
    const progress = () => ({
      phase: 'read' as const,
      ...auditor.progress(),
      fraction: sourceFraction?.(),
    });
    for await (const item of items) {
      auditor.accept(item);
      ticker.tick(progress);
    }
    records = auditor.progress().records;
    result = auditor.finish();
  }
  const { summary } = result.report;
  ticker.now(
    partitions > 1
      ? { phase: 'replay', records, events: summary.events, invalid: summary.invalid, fraction: 1 }
      : {
          phase: 'read',
          records,
          events: summary.events,
          invalid: summary.invalid,
          fraction: sourceFraction === undefined ? undefined : 1,
        },
  );
  return result;
};

/**
 * Audits source items in global order: replay, assess, compare. Rejects with a USAGE
 * AuditError for a bad `asOf`, and with whatever the source rejects with (an IO
 * AuditError for files, an EventStoreError for stores).
 */
export const auditItems = (
  items: AsyncIterable<SourceItem>,
  options: AuditOptions = {},
): Promise<AuditResult> => replay(items, options, undefined);

// About 50,000 events a partition: some 20 MB of folded state at a time.
const BYTES_PER_PARTITION = 16 * 1024 * 1024;
// JSON Lines compress about ten to one.
const GZIP_RATIO = 10;
const MAX_PARTITIONS = 256;
// For a source of unknown size (stdin), as for a store.
const UNSIZED_PARTITIONS = 8;

/** The partitions auditFile uses for a file of this size when none are asked for. */
export const partitionsForSize = (bytes: number, gzip: boolean): number =>
  Math.min(
    MAX_PARTITIONS,
    Math.max(1, Math.ceil((bytes * (gzip ? GZIP_RATIO : 1)) / BYTES_PER_PARTITION)),
  );

const DEFAULT_MAX_OPEN_ORDERS = 20_000;
// Below this much text a worker's start-up (some 50 ms) costs more than it saves.
const WORKER_BYTES = 32 * 1024 * 1024;

/** Worker threads auditFile uses by default for a file of this size. */
export const workersForSize = (bytes: number, gzip: boolean): number =>
  bytes * (gzip ? GZIP_RATIO : 1) >= WORKER_BYTES ? availableParallelism() : 1;

/**
 * One pass over an export file with at most `maxOpenOrders` orders held: nothing is written
 * to disk and each record is parsed once. Resolves with undefined when an order let go
 * came back (the caller then replays in partitions), or when worker threads were chosen
 * and one of them let an order go that came back.
 */
const auditOnePass = async (
  path: string,
  options: AuditOptions,
  read: { maxRecordBytes: number; maxInflateRatio: number; maxInflatedBytes: number },
): Promise<AuditResult | undefined> => {
  const checked = {
    ...auditorOptions(options),
    maxOpenOrders: checkWholeNumber(
      'maxOpenOrders',
      options.maxOpenOrders,
      DEFAULT_MAX_OPEN_ORDERS,
      Number.MAX_SAFE_INTEGER,
    ),
  };
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  const ticker = new ProgressTicker(options.onProgress, progressEvery);
  const file = await openLines(path, read);
  const totalBytes = file.totalBytes ?? 0;
  const workers =
    options.workers === undefined
      ? workersForSize(totalBytes, file.gzip())
      : checkWholeNumber('--workers', options.workers, 1, MAX_WORKERS);
  const fraction = () => (totalBytes === 0 ? 1 : file.bytesRead() / totalBytes);
  let result: AuditResult;
  let records: number;
  if (workers > 1) {
    file.close();
    const audited = await auditInWorkers(path, {
      workers,
      // Each worker sees its share of the orders: together they hold as many open as one.
      auditor: { ...checked, maxOpenOrders: Math.ceil(checked.maxOpenOrders / workers) },
      read,
      progressEvery,
      totalBytes,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    if (audited === undefined) return undefined;
    ({ result, records } = audited);
  } else {
    const auditor = createAuditor(checked);
    const progress = () => ({
      phase: 'read' as const,
      ...auditor.progress(),
      fraction: fraction(),
    });
    records = await replayLines(file, auditor, {
      onRecord: () => {
        ticker.tick(progress);
      },
    });
    if (auditor.reopened()) return undefined;
    result = auditor.finish();
  }
  const { summary } = result.report;
  ticker.now({
    phase: 'read',
    records,
    events: summary.events,
    invalid: summary.invalid,
    fraction: 1,
  });
  return result;
};

/**
 * Audits a JSON Lines export file (plain or gzip), streaming it. By default in one pass that
 * holds at most `maxOpenOrders` orders, in `workers` threads for a large file; should an
 * order let go come back, or when `partitions` is given, the orders are replayed in
 * partitions (see `partitions`). Every way gives the same result.
 */
export const auditFile = async (path: string, options: AuditOptions = {}): Promise<AuditResult> => {
  auditorOptions(options);
  const read = {
    maxRecordBytes: checkMaxRecordBytes(options.maxRecordBytes),
    maxInflateRatio: checkMaxInflateRatio(options.maxInflateRatio),
    maxInflatedBytes: checkMaxInflatedBytes(options.maxInflatedBytes),
  };
  if (options.partitions === undefined && path !== STDIN_PATH) {
    const result = await auditOnePass(path, options, read);
    if (result !== undefined) return result;
  }
  const source = await openExportFile(path, {
    ...read,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });
  const { file } = source;
  const { totalBytes } = file;
  // stdin's size is not known up front: partition as for a store, show no share done.
  const partitions =
    options.partitions ??
    (totalBytes === undefined ? UNSIZED_PARTITIONS : partitionsForSize(totalBytes, file.gzip()));
  const fraction =
    totalBytes === undefined
      ? undefined
      : () => (totalBytes === 0 ? 1 : file.bytesRead() / totalBytes);
  return replay(source.items, { ...options, partitions }, fraction);
};

/** Audits every order stream of a store, read through the port's `readAll`. */
export const auditStore = (store: EventStore, options: AuditOptions = {}): Promise<AuditResult> =>
  replay(storeItems(store, options.storeRead), options, undefined);
