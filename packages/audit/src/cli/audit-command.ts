import { writeFile } from 'node:fs/promises';
import type { PolicyOverride } from '@order-liability/domain';
import { describeError, ioError, usageError } from '../audit-error';
import { type AuditOptions, auditFile, auditStore } from '../audit';
import { discrepantTimelines, type DiscrepantTimelines } from '../discrepant-timelines';
import { openExportFile } from '../file-source';
import { formatCsv } from '../format-csv';
import { formatHtml } from '../format-html';
import { storeItems } from '../store-source';
import { type OpenLinesOptions, STDIN_PATH } from '../open-lines';
import { formatJson } from '../format-json';
import { boundHeapGrowth } from '../heap-growth';
import { formatMarkdown, type ReportContext } from '../format-markdown';
import type { AuditResult } from '../report';
import type { CliIo } from './cli-io';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes';
import { createProgressBar } from './progress-bar';
import { type ReadFlags, readOptionsOf } from './read-options';
import { checkAsOf, policyFromFlag } from './shared-options';
import { type Source, type SourceFlags, sourceOf } from './source-of';

export type ReportFormat = 'json' | 'csv' | 'markdown' | 'html';

export interface AuditFlags extends SourceFlags, ReadFlags {
  readonly format: ReportFormat;
  readonly out?: string;
  readonly policy?: string;
  readonly asOf?: string;
  readonly partitions?: number;
  readonly workers?: number;
}

// A store's size is not known up front: partition by default so memory stays bounded.
const STORE_PARTITIONS = 8;

const render = (audited: Audited, format: ReportFormat, context: ReportContext): string => {
  const { result } = audited;
  switch (format) {
    case 'json':
      return formatJson(result.report);
    case 'csv':
      return formatCsv(result.orders, result.report.invalid);
    case 'markdown':
      return formatMarkdown(result.report, context);
    case 'html':
      return formatHtml(result, { ...context, ...audited.timelines });
  }
};

// Connection strings can carry passwords: the report names only the kind of store.
const describeSource = (source: Source): string =>
  source.kind === 'file'
    ? source.path === STDIN_PATH
      ? 'stdin'
      : source.path
    : source.store.kind === 'eventstore'
      ? 'EventStoreDB'
      : 'PostgreSQL';

/** The audit, and for the HTML report the timelines of discrepant cases (read again). */
interface Audited {
  readonly result: AuditResult;
  readonly timelines?: DiscrepantTimelines;
}

const runAudit = async (
  source: Source,
  options: AuditOptions,
  io: CliIo,
  reread: { readonly timelines: boolean; readonly file: OpenLinesOptions },
): Promise<Audited> => {
  const timelineOptions = {
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
  };
  if (source.kind === 'file') {
    const result = await auditFile(source.path, options);
    // stdin cannot be read a second time: its report has no timelines.
    if (!reread.timelines || source.path === STDIN_PATH) return { result };
    const timelines = await discrepantTimelines(
      result.report,
      async () => (await openExportFile(source.path, reread.file)).items,
      timelineOptions,
    );
    return { result, timelines };
  }
  const opened = await io.openStore(source.store);
  try {
    const result = await auditStore(opened.store, { partitions: STORE_PARTITIONS, ...options });
    if (!reread.timelines) return { result };
    const timelines = await discrepantTimelines(
      result.report,
      () => Promise.resolve(storeItems(opened.store)),
      timelineOptions,
    );
    return { result, timelines };
  } finally {
    await opened.store.close().catch(() => undefined);
  }
};

/** `order-liability audit`: replays, recomputes, compares; exit 1 on any finding. */
export const auditCommand = async (flags: AuditFlags, io: CliIo): Promise<number> => {
  const source = sourceOf(flags, ['file', 'store']);
  checkAsOf(flags.asOf);
  const policy: PolicyOverride | undefined = await policyFromFlag(flags.policy);
  // The process is the audit's own: keep its memory near what it holds.
  boundHeapGrowth();
  const bar = createProgressBar(io.stderr);
  const readOptions = readOptionsOf(flags, io);
  let audited: Audited;
  try {
    audited = await runAudit(
      source,
      {
        ...(policy === undefined ? {} : { policy }),
        ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
        ...(flags.partitions === undefined ? {} : { partitions: flags.partitions }),
        ...(flags.workers === undefined ? {} : { workers: flags.workers }),
        ...readOptions,
        ...(flags.maxDepth === undefined ? {} : { maxDepth: flags.maxDepth }),
        rows: flags.format === 'csv' || flags.format === 'html',
        onProgress: (progress) => {
          bar.update(progress);
        },
      },
      io,
      { timelines: flags.format === 'html', file: readOptions },
    );
  } finally {
    bar.stop();
  }
  const { result } = audited;
  // An empty export (or store) is a mistake to point out, not a clean audit.
  if (result.records === 0)
    throw usageError(`nothing to audit: ${describeSource(source)} holds no record`);
  const text = render(audited, flags.format, {
    source: describeSource(source),
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    ...(flags.policy === undefined ? {} : { policy: flags.policy }),
  });
  if (flags.out === undefined) io.stdout.write(text);
  else
    await writeFile(flags.out, text).catch((error: unknown) => {
      throw ioError(`cannot write ${flags.out ?? ''}: ${describeError(error)}`, error);
    });
  const { summary } = result.report;
  io.stderr.write(
    `audited ${summary.orders} orders, ${summary.events} events: ${summary.discrepancies} discrepancies, ${summary.invalid} invalid records${flags.out === undefined ? '' : `; report written to ${flags.out}`}\n`,
  );
  return summary.discrepancies > 0 || summary.invalid > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
};
