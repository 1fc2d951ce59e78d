import { readByteChunks, utf8Chunks } from './open-text';
import { readCsvRows } from './read-csv';
import { readJsonRows } from './read-json';
import { SettlementError } from './settlement-error';
import type { ReportRow } from './transaction';

export interface ReadReportOptions {
  /** The longest CSV record or JSON transaction read, in characters; default 1 MiB. */
  readonly maxRowChars?: number;
}

/** The format of a report by its name: `.csv` or `.json`, either optionally `.gz`. */
export type ReportFormat = 'csv' | 'json';

export const DEFAULT_MAX_ROW_CHARS = 1024 * 1024;

/** The format a file name says, or `undefined` for a name that is neither. */
export const reportFormatOf = (path: string): ReportFormat | undefined => {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  return undefined;
};

/**
 * Reads a Klarna settlement report (`.csv`, `.json`, or either gzipped as `.gz`) as a stream of
 * rows: transactions, and invalid rows with their file and line. Rejects with a SettlementError
 * when the file cannot be read (IO) or is no settlement report (FORMAT).
 */
export const readSettlementReport = (
  path: string,
  options: ReadReportOptions = {},
): AsyncGenerator<ReportRow> => {
  const format = reportFormatOf(path);
  if (format === undefined)
    throw new SettlementError(
      'FORMAT',
      `${path}: a settlement report must be named .csv or .json (optionally .gz)`,
    );
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
  const bytes = readByteChunks(path);
  return format === 'csv'
    ? readCsvRows(bytes, path, maxRowChars)
    : readJsonRows(utf8Chunks(bytes), path, maxRowChars);
};
