import type { Finding } from './finding';
import type { FraudDetailedType } from './fraud-type';
import type { InvalidRow } from './transaction';

/** Expected against settled sums for one detailed type and currency (minor units). */
export interface TypeTotals {
  readonly detailedType: FraudDetailedType;
  readonly currency: string;
  readonly expected: number;
  readonly actual: number;
}

/** The counts and sums of a reconciliation. */
export interface ReconciliationTotals {
  readonly byType: readonly TypeTotals[];
  /** Report rows read, valid or not. */
  readonly rows: number;
  /** Rows that are fraud transactions (the ones reconciled). */
  readonly fraudTransactions: number;
  /** Valid rows of other types (sales, returns, fees, …), left alone. */
  readonly ignored: number;
  /** Every invalid row, including those beyond the report's limit of listed ones. */
  readonly invalid: number;
  /** Fraud transactions of orders without any finding. */
  readonly matched: number;
  /** Fraud transactions of orders with a finding. */
  readonly unmatched: number;
  /** Cases whose decision expects fraud transactions. */
  readonly casesExpecting: number;
  /** Orders (known or not) with at least one finding. */
  readonly ordersWithFindings: number;
}

/** The outcome of reconciling decisions with settlement reports. */
export interface ReconciliationReport {
  /** Sorted by order id, then kind, then detailed type. */
  readonly findings: readonly Finding[];
  /** The invalid rows, the first `maxInvalidRows` of them (totals.invalid counts them all). */
  readonly invalidRows: readonly InvalidRow[];
  readonly totals: ReconciliationTotals;
}

/** True when every fraud transaction and every expectation match and every row was read. */
export const isClean = (report: ReconciliationReport): boolean =>
  report.findings.length === 0 && report.totals.invalid === 0;
