import { access, writeFile } from 'node:fs/promises';
import type { PolicyOverride } from '@order-liability/domain';
import {
  caseExpectation,
  type CaseExpectation,
  formatReconciliationCsv,
  formatReconciliationHtml,
  formatReconciliationJson,
  formatReconciliationMarkdown,
  isClean,
  reconcileReports,
  type ReconciliationContext,
  type ReconciliationReport,
  reportFormatOf,
} from '@order-liability/settlement';
import { describeError, ioError, usageError } from '../audit-error';
import { type CaseStates, readCaseStates } from '../case-states';
import { openExportFile } from '../file-source';
import { storeItems } from '../store-source';
import type { CliIo } from './cli-io';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes';
import { policyFromFlag } from './shared-options';
import { type Source, type SourceFlags, sourceOf } from './source-of';

export type ReconcileFormat = 'json' | 'csv' | 'markdown' | 'html';

export interface ReconcileFlags extends SourceFlags {
  readonly settlement: readonly string[];
  readonly format: ReconcileFormat;
  readonly out?: string;
  readonly policy?: string;
}

const contextOf = (flags: ReconcileFlags, source: Source): ReconciliationContext => ({
  // Connection strings can carry passwords: name only the kind of store.
  source:
    source.kind === 'file'
      ? source.path
      : source.store.kind === 'eventstore'
        ? 'EventStoreDB'
        : 'PostgreSQL',
  settlementFiles: flags.settlement,
  ...(flags.policy === undefined ? {} : { policy: flags.policy }),
});

const render = (report: ReconciliationReport, flags: ReconcileFlags, source: Source): string => {
  switch (flags.format) {
    case 'json':
      return formatReconciliationJson(report);
    case 'csv':
      return formatReconciliationCsv(report);
    case 'markdown':
      return formatReconciliationMarkdown(report, contextOf(flags, source));
    case 'html':
      return formatReconciliationHtml(report, contextOf(flags, source));
  }
};

// Every report must be there and named for its format before the events are replayed.
const checkReports = async (files: readonly string[]): Promise<void> => {
  for (const file of files) {
    if (reportFormatOf(file) === undefined)
      throw usageError(`${file}: a settlement report must be named .csv or .json (optionally .gz)`);
    await access(file).catch((error: unknown) => {
      throw ioError(`cannot read ${file}: ${describeError(error)}`, error);
    });
  }
};

const readStates = async (source: Source, io: CliIo): Promise<CaseStates> => {
  if (source.kind === 'file') return readCaseStates((await openExportFile(source.path)).items);
  const opened = await io.openStore(source.store);
  try {
    return await readCaseStates(storeItems(opened.store));
  } finally {
    await opened.store.close().catch(() => undefined);
  }
};

function* expectationsOf(
  states: CaseStates,
  policy: PolicyOverride | undefined,
): Generator<CaseExpectation> {
  for (const [orderId, state] of states.states) {
    // The state is no longer needed once its expectation is made; let it go while the rest are.
    states.states.delete(orderId);
    yield caseExpectation(orderId, state, policy);
  }
}

/**
 * `order-liability reconcile`: the fraud transactions each case's decision implies against
 * Klarna's settlement reports; exit 1 on any finding or invalid report row.
 */
export const reconcileCommand = async (flags: ReconcileFlags, io: CliIo): Promise<number> => {
  const source = sourceOf(flags, ['file', 'store']);
  const policy = await policyFromFlag(flags.policy);
  await checkReports(flags.settlement);
  const states = await readStates(source, io);
  const orders = states.states.size;
  const report = await reconcileReports(expectationsOf(states, policy), flags.settlement);
  const text = render(report, flags, source);
  if (flags.out === undefined) io.stdout.write(text);
  else
    await writeFile(flags.out, text).catch((error: unknown) => {
      throw ioError(`cannot write ${flags.out ?? ''}: ${describeError(error)}`, error);
    });
  const { totals } = report;
  const refused =
    states.invalid === 0
      ? ''
      : `; ${states.invalid} event records could not be replayed (see order-liability audit)`;
  io.stderr.write(
    `reconciled ${orders} orders with ${totals.rows} report rows: ${report.findings.length} findings, ${totals.invalid} invalid rows${refused}${flags.out === undefined ? '' : `; report written to ${flags.out}`}\n`,
  );
  return isClean(report) ? EXIT_CLEAN : EXIT_FINDINGS;
};
