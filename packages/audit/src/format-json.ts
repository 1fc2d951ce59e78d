import type { AuditReport } from './report';

/** The report as JSON, keys in the documented order, two-space indent, ending in a newline. */
export const formatJson = (report: AuditReport): string => {
  const { summary } = report;
  const ordered = {
    summary: {
      orders: summary.orders,
      events: summary.events,
      invalid: summary.invalid,
      discrepancies: summary.discrepancies,
      byLiability: {
        klarna: summary.byLiability.klarna,
        merchant: summary.byLiability.merchant,
        split: summary.byLiability.split,
        none: summary.byLiability.none,
        undetermined: summary.byLiability.undetermined,
      },
      totals: summary.totals,
    },
    discrepancies: report.discrepancies.map((d) => ({
      orderId: d.orderId,
      kind: d.kind,
      booked: d.booked,
      expected: d.expected,
      ...(d.skipped === undefined ? {} : { skipped: d.skipped }),
      ...(d.returns === undefined ? {} : { returns: d.returns }),
    })),
    invalid: report.invalid.map((entry) => ({
      ...(entry.line === undefined ? {} : { line: entry.line }),
      ...(entry.streamId === undefined ? {} : { streamId: entry.streamId }),
      ...(entry.revision === undefined ? {} : { revision: entry.revision }),
      reason: entry.reason,
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
};
