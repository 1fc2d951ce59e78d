// The public surface of @order-liability/settlement (docs/reconcile.md).
export { fraudDetailedTypes, fraudTypeOf } from './fraud-type';
export type { FraudDetailedType } from './fraud-type';
export { parseAmount } from './parse-amount';
export type { ParsedAmount } from './parse-amount';
export type { InvalidRow, ReportRow, RowPlace, SettlementTransaction } from './transaction';
export { transactionReference } from './transaction-reference';
export { readSettlementReport, reportFormatOf, DEFAULT_MAX_ROW_CHARS } from './read-report';
export type { ReadReportOptions, ReportFormat } from './read-report';
export { detectDelimiter } from './read-csv';
export { SettlementError, isSettlementError } from './settlement-error';
export type { SettlementErrorCode } from './settlement-error';
export { caseExpectation, expectationOfDecision, expectedAmounts } from './expectation';
export type { CaseExpectation, ExpectationBasis, ExpectedAmount } from './expectation';
export { findingKinds } from './finding';
export type {
  AmountDiffers,
  DuplicateInSettlement,
  Finding,
  FindingKind,
  MissingInSettlement,
  TypedAmount,
  UnexpectedInSettlement,
} from './finding';
export { createReconciler, DEFAULT_MAX_INVALID_ROWS } from './reconciler';
export type { Reconciler, ReconcilerOptions } from './reconciler';
export { reconcileReports } from './reconcile';
export type { ReconcileOptions } from './reconcile';
export { isClean } from './report';
export type { ReconciliationReport, ReconciliationTotals, TypeTotals } from './report';
export { formatReconciliationJson } from './format-json';
export { formatReconciliationCsv } from './format-csv';
export { formatReconciliationMarkdown } from './format-markdown';
export type { ReconciliationContext } from './format-markdown';
export { formatReconciliationHtml } from './format-html';
