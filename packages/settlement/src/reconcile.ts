import type { CaseExpectation } from './expectation';
import { readSettlementReport, type ReadReportOptions } from './read-report';
import { createReconciler, type ReconcilerOptions } from './reconciler';
import type { ReconciliationReport } from './report';

export interface ReconcileOptions extends ReadReportOptions, ReconcilerOptions {}

/**
 * Reconciles the cases' expectations with settlement report files (one per payout), read in
 * turn as streams. Rejects with a SettlementError when a file cannot be read or is no report.
 */
export const reconcileReports = async (
  cases: Iterable<CaseExpectation> | AsyncIterable<CaseExpectation>,
  files: readonly string[],
  options: ReconcileOptions = {},
): Promise<ReconciliationReport> => {
  const reconciler = createReconciler(options);
  for await (const expectation of cases) reconciler.addCase(expectation);
  for (const file of files)
    for await (const row of readSettlementReport(file, options)) reconciler.accept(row);
  return reconciler.finish();
};
