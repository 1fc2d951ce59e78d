import type { PolicyOverride } from '@order-liability/domain';
import { type CaseTimeline, timelineOf } from './case-timeline';
import { readCases } from './read-case';
import type { AuditReport } from './report';
import type { SourceItem } from './source-item';

/** At most this many discrepant cases get a timeline in the HTML report. */
export const TIMELINE_LIMIT = 100;

export interface DiscrepantTimelines {
  readonly timelines: readonly CaseTimeline[];
  /** Discrepant orders in all; more than the timelines when the limit cut them. */
  readonly discrepantOrders: number;
}

export interface TimelineOptions {
  readonly policy?: PolicyOverride;
  readonly asOf?: string;
  readonly maxDepth?: number;
}

/**
 * The timelines of the first discrepant orders of a report, read again from the source
 * (`open` is called only when there is a discrepancy): the audit keeps no history, only
 * each order's folded state.
 */
export const discrepantTimelines = async (
  report: AuditReport,
  open: () => Promise<AsyncIterable<SourceItem>>,
  options: TimelineOptions = {},
): Promise<DiscrepantTimelines> => {
  const orderIds = [...new Set(report.discrepancies.map((found) => found.orderId))];
  const chosen = orderIds.slice(0, TIMELINE_LIMIT);
  if (chosen.length === 0) return { timelines: [], discrepantOrders: 0 };
  const cases = await readCases(await open(), chosen, options);
  const timelines = chosen.flatMap((orderId) => {
    const found = cases.get(orderId);
    return found === undefined ? [] : [timelineOf(found, options.policy)];
  });
  return { timelines, discrepantOrders: orderIds.length };
};
