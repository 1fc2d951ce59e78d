import type { SettlementTransaction } from './transaction';

/**
 * What tells one transaction from another of the same type and amount: the dispute's
 * `reversal_reference`, else `refund_id`, else `capture_id`; empty when the row has none (such
 * rows are then told apart by type and amount alone).
 */
export const transactionReference = (transaction: SettlementTransaction): string =>
  transaction.reversalReference ?? transaction.refundId ?? transaction.captureId ?? '';
