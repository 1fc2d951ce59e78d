import type { ReconciliationReport } from './report';

/** The report as JSON: `findings`, `invalidRows` and `totals`, amounts in minor units. */
export const formatReconciliationJson = (report: ReconciliationReport): string =>
  `${JSON.stringify(report, null, 2)}\n`;
