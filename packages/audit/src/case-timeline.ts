import {
  assessLiability,
  type CaseStatus,
  eventTime,
  fold,
  type Liability,
  type OrderState,
  type PolicyOverride,
  initialState,
} from '@order-liability/domain';
import type { CaseReport } from './read-case';
import type { DiscrepancyKind } from './report';

/** One event of a case and the decision right after it. */
export interface TimelineStep {
  readonly revision: number;
  readonly time: string;
  readonly type: string;
  readonly status: CaseStatus;
  readonly liability: Liability;
  /** The rule and assumption IDs behind the decision at that point. */
  readonly reasons: readonly string[];
}

/** A discrepant case's history as a timeline, for the HTML report. */
export interface CaseTimeline {
  readonly orderId: string;
  readonly kinds: readonly DiscrepancyKind[];
  readonly steps: readonly TimelineStep[];
}

/** Replays a case event by event and assesses it after each, so a reader sees what decided it. */
export const timelineOf = (report: CaseReport, policy?: PolicyOverride): CaseTimeline => {
  let state: OrderState = initialState;
  const steps = report.history.map(({ revision, event }): TimelineStep => {
    state = fold([event], state);
    const decision = assessLiability(state, policy);
    return {
      revision,
      time: eventTime(event),
      type: event.type,
      status: decision.status,
      liability: decision.liability,
      reasons: decision.reasons,
    };
  });
  return {
    orderId: report.orderId,
    kinds: report.discrepancies.map((found) => found.kind),
    steps,
  };
};
