import type { FraudDetailedType } from './fraud-type';

/** Where a row of a report is: the file as given and its line (1 = the first line). */
export interface RowPlace {
  readonly file: string;
  readonly line: number;
}

/**
 * One transaction of a Klarna settlement report, with the fields the reconciliation reads.
 * Text fields that are empty in the report are absent here.
 */
export interface SettlementTransaction extends RowPlace {
  readonly type: string;
  readonly detailedType: string;
  /** The fraud detailed type, or undefined for a transaction the reconciliation ignores. */
  readonly fraudType: FraudDetailedType | undefined;
  /** Minor units, with the sign the report gave it. */
  readonly amount: number;
  readonly currency: string;
  readonly orderId?: string;
  readonly shortOrderId?: string;
  readonly merchantReference1?: string;
  readonly merchantReference2?: string;
  readonly captureId?: string;
  readonly refundId?: string;
  /** The payout the transaction belongs to. */
  readonly paymentReference?: string;
  readonly saleDate?: string;
  readonly captureDate?: string;
  /** The dispute's id, on reversals. */
  readonly reversalReference?: string;
}

/** A row that could not be read as a transaction, and why. */
export interface InvalidRow extends RowPlace {
  readonly reason: string;
}

/** What reading a report yields, row by row. */
export type ReportRow =
  | { readonly kind: 'transaction'; readonly transaction: SettlementTransaction }
  | { readonly kind: 'invalid'; readonly row: InvalidRow };
