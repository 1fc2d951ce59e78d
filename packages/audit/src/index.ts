// The public surface of @order-liability/audit.
export type { ExportRecord } from './export-record';
export { toJsonLine } from './export-record';
export type {
  AuditReport,
  AuditResult,
  AuditSummary,
  CurrencyTotals,
  Discrepancy,
  DiscrepancyKind,
  InvalidEntry,
  LiabilityCounts,
  OrderRow,
} from './report';
export type { SourceItem, RawItem, DecodedItem, InvalidItem } from './source-item';
export { parseExportLine } from './parse-line';
export { openLines } from './open-lines';
export type { LineSource } from './open-lines';
export { openExportFile, itemsOfLines } from './file-source';
export type { FileSource } from './file-source';
export { storeItems } from './store-source';
export type { StoreItemsOptions } from './store-source';
export { createAuditor } from './auditor';
export type { Auditor, AuditorOptions, AuditProgress } from './auditor';
export { compareSettlement } from './compare-settlement';
export { auditItems, auditFile, auditStore, partitionsForSize } from './audit';
export type { AuditOptions } from './audit';
export { boundHeapGrowth } from './heap-growth';
export { formatJson } from './format-json';
export { formatMarkdown } from './format-markdown';
export type { ReportContext } from './format-markdown';
export { formatCsv } from './format-csv';
export { formatHtml } from './format-html';
export type { HtmlContext } from './format-html';
export { timelineOf } from './case-timeline';
export type { CaseTimeline, TimelineStep } from './case-timeline';
export { discrepantTimelines, TIMELINE_LIMIT } from './discrepant-timelines';
export type { DiscrepantTimelines, TimelineOptions } from './discrepant-timelines';
export { readCase, readCases } from './read-case';
export type { CaseEvent, CaseReport, ReadCaseOptions } from './read-case';
export { formatCase } from './format-case';
export { exportStore, toExportRecord } from './export-store';
export type { ExportResult } from './export-store';
export { importItems } from './import-export';
export type { ImportResult, RefusedStream } from './import-export';
export { writeLines } from './write-lines';
export { parseAsOf } from './as-of';
export { loadPolicyFile, parsePolicy } from './policy-file';
export { AuditError, isAuditError, usageError, ioError } from './audit-error';
export type { AuditErrorCode } from './audit-error';
export { generateExport, generateRecords } from './generate/generate-export';
export type { GenerateOptions } from './generate/generate-export';
export { withPlantedFaults } from './generate/plant-faults';
export { recordHistory } from './generate/record-history';
export type { RecordedHistory } from './generate/record-history';
export { Random } from './generate/random';
