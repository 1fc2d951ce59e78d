import type {
  CaseStatus,
  HistoryProblem,
  LateReturnState,
  Liability,
  SettlementLine,
} from '@order-liability/domain';

/** A line or event the replay could not use, and why; the replay went on without it. */
export interface InvalidEntry {
  /** 1-based line of the export (file input only). */
  readonly line?: number;
  /** Present whenever the line parsed as JSON and carried one. */
  readonly streamId?: string;
  readonly revision?: number;
  readonly reason: string;
}

export type DiscrepancyKind =
  | 'lines-differ'
  | 'booked-without-fraud'
  | 'fraud-not-booked'
  | 'booked-twice'
  | 'inconsistent-history'
  | 'returned-after-settlement';

/** Where the booked settlement and the recomputed decision disagree for one order. */
export interface Discrepancy {
  readonly orderId: string;
  readonly kind: DiscrepancyKind;
  readonly booked: readonly SettlementLine[];
  readonly expected: readonly SettlementLine[];
  /** inconsistent-history: the events the replay skipped, with the refusal decide gives. */
  readonly skipped?: readonly HistoryProblem[];
  /** returned-after-settlement: the returns registered after the booking. */
  readonly returns?: readonly LateReturnState[];
}

export type LiabilityCounts = Readonly<Record<Liability, number>>;

/** Sums of the recomputed settlement lines of one currency, in minor units. */
export interface CurrencyTotals {
  readonly fraudReturn: number;
  readonly fraudPolicy: number;
}

export interface AuditSummary {
  readonly orders: number;
  readonly events: number;
  readonly invalid: number;
  readonly discrepancies: number;
  readonly byLiability: LiabilityCounts;
  readonly totals: Readonly<Record<string, CurrencyTotals>>;
}

/** The audit report; its JSON form is exactly this shape. */
export interface AuditReport {
  readonly summary: AuditSummary;
  readonly discrepancies: readonly Discrepancy[];
  readonly invalid: readonly InvalidEntry[];
}

/** One order's recomputed decision, next to what was booked (the CSV rows). */
export interface OrderRow {
  readonly orderId: string;
  readonly status: CaseStatus;
  readonly liability: Liability;
  /** The order's currency, '' when its stop request was never read. */
  readonly currency: string;
  /** When the stop was requested (ISO-8601 UTC), '' when its stop request was never read. */
  readonly requestedAt: string;
  /** The order's total in minor units, 0 when its stop request was never read. */
  readonly totalAmount: number;
  /** Recomputed lines. */
  readonly expected: readonly SettlementLine[];
  /** The lines of every booking, in order. */
  readonly booked: readonly SettlementLine[];
  /** How many settlements were booked. */
  readonly bookings: number;
  readonly discrepancies: readonly DiscrepancyKind[];
  readonly reasons: readonly string[];
}

/** What an audit gives back: the report, and one row per order in first-seen order. */
export interface AuditResult {
  readonly report: AuditReport;
  readonly orders: readonly OrderRow[];
  /** Records read, valid or not (non-blank lines of a file, events of a store). */
  readonly records: number;
}
