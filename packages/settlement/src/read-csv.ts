import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { CsvLineTracker } from './csv-line-tracker';
import { decodeTransaction, type FieldPositions, fieldPositionsOf } from './decode-transaction';
import { readableBatches } from './readable-batches';
import { SettlementError } from './settlement-error';
import type { ReportRow } from './transaction';

/** Fields a report needs in its header; without them it is no settlement report. */
const REQUIRED_COLUMNS = ['type', 'amount', 'currency_code'];

const NEWLINE = 0x0a;

const outsideQuotes = (line: string): string => line.replace(/"(?:[^"]|"")*"?/g, '');

/** `;` or `,`: whichever the header row uses more, outside quotes (`,` when neither). */
export const detectDelimiter = (header: string): ';' | ',' => {
  const bare = outsideQuotes(header);
  const semicolons = bare.split(';').length - 1;
  const commas = bare.split(',').length - 1;
  return semicolons > commas ? ';' : ',';
};

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

/** Where each field is in a record, from the header (trimmed, case-insensitive). */
const columnsOf = (header: readonly unknown[], file: string): FieldPositions => {
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    const key = String(name).trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, index);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.has(name));
  if (missing.length > 0)
    throw new SettlementError(
      'FORMAT',
      `${file}: the header has no ${missing.join(', ')} column: is it a Klarna settlement report?`,
    );
  return fieldPositionsOf((name) => columns.get(name));
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
  chunks: AsyncIterable<Buffer>,
  file: string,
  maxRecordChars: number,
): AsyncGenerator<ReportRow> {
  const iterator = chunks[Symbol.asyncIterator]();
  // Bytes go to csv-parse as they are (it decodes UTF-8 itself); only the header is read here.
  let head = Buffer.alloc(0);
  while (!head.includes(NEWLINE)) {
    const next = await iterator.next();
    if (next.done === true) break;
    head = Buffer.concat([head, next.value]);
    if (head.length > maxRecordChars)
      throw new SettlementError(
        'FORMAT',
        `${file}: the header row is over ${maxRecordChars} characters`,
      );
  }
  const end = head.indexOf(NEWLINE);
  const header = head
    .subarray(0, end < 0 ? head.length : end)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (header.trim() === '') return;
  const delimiter = detectDelimiter(header);
  const decimalMarks = delimiter === ';' ? ['.', ','] : ['.'];
  const lines = new CsvLineTracker();
  const invalid = ({ line, reason }: { line: number; reason: string }): ReportRow => ({
    kind: 'invalid',
    row: { file, line, reason: `not a CSV record: ${reason}` },
  });
  // Records come as arrays (csv-parse's objects cost twice the parse): fields found by index.
  let positions: FieldPositions | undefined;
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    // Empty lines come through as one empty field, so that every line is counted.
    skip_empty_lines: false,
    max_record_size: maxRecordChars,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error === undefined) return;
      lines.skip({
        afterRecords: parser.info.records,
        endLine: csvErrorLine(error, 0),
        reason: error.message,
      });
    },
  });
  const fed = pipeline(Readable.from(prepend(head, iterator)), parser);
  // The outcome is read through the parser's iteration below; keep Node from calling it unhandled.
  fed.catch(() => undefined);
  try {
    for await (const batch of readableBatches(parser))
      for (const fields of batch) {
        if (lines.hasSkips()) yield* lines.skippedBefore().map(invalid);
        if (!Array.isArray(fields)) continue;
        const line = lines.record(fields);
        if (fields.length === 1 && fields[0] === '') continue;
        if (positions === undefined) {
          positions = columnsOf(fields, file);
          continue;
        }
        yield decodeTransaction(fields, positions, file, line, decimalMarks);
      }
  } catch (error) {
    if (error instanceof SettlementError) throw error;
    // Records past the header that csv-parse still cannot read: say where it stopped.
    if (error instanceof CsvError) {
      yield* lines.skippedAtEnd().map(invalid);
      yield invalid({
        line: lines.nextLine(),
        reason: `${error.message}; the rest of the file was not read`,
      });
      return;
    }
    throw error;
  }
  yield* lines.skippedAtEnd().map(invalid);
  await fed;
}
