import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { decodeTransaction } from './decode-transaction';
import { SettlementError } from './settlement-error';
import type { ReportRow } from './transaction';

/** Fields a report needs in its header; without them it is no settlement report. */
const REQUIRED_COLUMNS = ['type', 'amount', 'currency_code'];

const outsideQuotes = (line: string): string => line.replace(/"(?:[^"]|"")*"?/g, '');

/** `;` or `,`: whichever the header row uses more, outside quotes (`,` when neither). */
export const detectDelimiter = (header: string): ';' | ',' => {
  const bare = outsideQuotes(header);
  const semicolons = bare.split(';').length - 1;
  const commas = bare.split(',').length - 1;
  return semicolons > commas ? ';' : ',';
};

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (first !== '') yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface ParsedRecord {
  readonly record: Record<string, unknown>;
  /** The line the record ends on (a quoted field may span lines). */
  readonly lastLine: number;
  /** Empty lines skipped so far. */
  readonly emptyLines: number;
}

const recordOf = (value: unknown): ParsedRecord | undefined => {
  if (!isRecord(value)) return undefined;
  const { record, info } = value;
  if (!isRecord(record) || !isRecord(info)) return undefined;
  const { lines, empty_lines: emptyLines } = info;
  if (typeof lines !== 'number' || typeof emptyLines !== 'number') return undefined;
  return { record, lastLine: lines, emptyLines };
};

const csvErrorLine = (error: CsvError, fallback: number): number => {
  const lines: unknown = Reflect.get(error, 'lines');
  return typeof lines === 'number' ? lines : fallback;
};

/**
 * The rows of a CSV settlement report (RFC 4180 quoting, read by csv-parse). The header names
 * the columns (trimmed, case-insensitive; unknown ones are ignored); the delimiter is detected
 * from it. A row csv-parse cannot read (an unclosed quote, a record over `maxRecordChars`)
 * becomes an invalid row, and reading goes on with the next record.
 */
export async function* readCsvRows(
  chunks: AsyncIterable<string>,
  file: string,
  maxRecordChars: number,
): AsyncGenerator<ReportRow> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n')) {
    const next = await iterator.next();
    if (next.done === true) break;
    head += next.value;
    if (head.length > maxRecordChars)
      throw new SettlementError(
        'FORMAT',
        `${file}: the header row is over ${maxRecordChars} characters`,
      );
  }
  const header = (head.split('\n', 1)[0] ?? '').replace(/^\uFEFF/, '');
  if (header.trim() === '') return;
  const delimiter = detectDelimiter(header);
  const decimalMarks = delimiter === ';' ? ['.', ','] : ['.'];
  const skipped: ReportRow[] = [];
  // Where the previous record ended, and the empty lines skipped by then: a record starts on
  // the line after, past the empty lines skipped since.
  let lastLine = 1;
  let emptyLinesBefore = 0;
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: maxRecordChars,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error === undefined) return;
      const end = csvErrorLine(error, lastLine + 1);
      skipped.push({
        kind: 'invalid',
        row: { file, line: lastLine + 1, reason: `not a CSV record: ${error.message}` },
      });
      lastLine = Math.max(lastLine, end);
    },
    columns: (names: string[]) => {
      const columns = names.map((name) => name.trim().toLowerCase());
      const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
      if (missing.length > 0)
        throw new SettlementError(
          'FORMAT',
          `${file}: the header has no ${missing.join(', ')} column: is it a Klarna settlement report?`,
        );
      return columns;
    },
  });
  const fed = pipeline(Readable.from(prepend(head, iterator)), parser);
  // The outcome is read through the parser's iteration below; keep Node from calling it unhandled.
  fed.catch(() => undefined);
  try {
    for await (const value of parser) {
      while (skipped.length > 0) yield* skipped.splice(0);
      const read = recordOf(value);
      if (read === undefined) continue;
      const line = lastLine + 1 + (read.emptyLines - emptyLinesBefore);
      lastLine = read.lastLine;
      emptyLinesBefore = read.emptyLines;
      const { record } = read;
      yield decodeTransaction((name) => record[name], { file, line }, decimalMarks);
    }
  } catch (error) {
    if (error instanceof SettlementError) throw error;
    // Records past the header that csv-parse still cannot read: say where it stopped.
    if (error instanceof CsvError) {
      yield* skipped.splice(0);
      yield {
        kind: 'invalid',
        row: {
          file,
          line: csvErrorLine(error, lastLine + 1),
          reason: `not a CSV record: ${error.message}; the rest of the file was not read`,
        },
      };
      return;
    }
    throw error;
  }
  yield* skipped.splice(0);
  await fed;
}
