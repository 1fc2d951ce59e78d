import { writeFile } from 'node:fs/promises';
import type { PolicyOverride } from '@order-liability/domain';
import { describeError, ioError, usageError } from '../audit-error';
import { type AuditOptions, auditFile, auditStore } from '../audit';
import { formatCsv } from '../format-csv';
import { STDIN_PATH } from '../open-lines';
import { formatJson } from '../format-json';
import { formatMarkdown, type ReportContext } from '../format-markdown';
import type { AuditResult } from '../report';
import type { CliIo } from './cli-io';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes';
import { createProgressBar } from './progress-bar';
import { type ReadFlags, readOptionsOf } from './read-options';
import { checkAsOf, policyFromFlag } from './shared-options';
import { type Source, type SourceFlags, sourceOf } from './source-options';

export type ReportFormat = 'json' | 'csv' | 'markdown';

export interface AuditFlags extends SourceFlags, ReadFlags {
  readonly format: ReportFormat;
  readonly out?: string;
  readonly policy?: string;
  readonly asOf?: string;
  readonly partitions?: number;
}

// A store's size is not known up front: partition by default so memory stays bounded.
const STORE_PARTITIONS = 8;

const render = (result: AuditResult, format: ReportFormat, context: ReportContext): string => {
  switch (format) {
    case 'json':
      return formatJson(result.report);
    case 'csv':
      return formatCsv(result.orders, result.report.invalid);
    case 'markdown':
      return formatMarkdown(result.report, context);
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

const runAudit = async (source: Source, options: AuditOptions, io: CliIo): Promise<AuditResult> => {
  if (source.kind === 'file') return auditFile(source.path, options);
  const opened = await io.openStore(source.store);
  try {
    return await auditStore(opened.store, { partitions: STORE_PARTITIONS, ...options });
  } finally {
    await opened.store.close().catch(() => undefined);
  }
};

/** `order-liability audit`: replays, recomputes, compares; exit 1 on any finding. */
export const auditCommand = async (flags: AuditFlags, io: CliIo): Promise<number> => {
  const source = sourceOf(flags, ['file', 'store']);
  checkAsOf(flags.asOf);
  const policy: PolicyOverride | undefined = await policyFromFlag(flags.policy);
  const bar = createProgressBar(io.stderr);
  let result: AuditResult;
  try {
    result = await runAudit(
      source,
      {
        ...(policy === undefined ? {} : { policy }),
        ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
        ...(flags.partitions === undefined ? {} : { partitions: flags.partitions }),
        ...readOptionsOf(flags, io),
        ...(flags.maxDepth === undefined ? {} : { maxDepth: flags.maxDepth }),
        rows: flags.format === 'csv',
        onProgress: (progress) => {
          bar.update(progress);
        },
      },
      io,
    );
  } finally {
    bar.stop();
  }
  // An empty export (or store) is a mistake to point out, not a clean audit.
  if (result.records === 0)
    throw usageError(`nothing to audit: ${describeSource(source)} holds no record`);
  const text = render(result, flags.format, {
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
