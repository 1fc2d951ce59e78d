import { type LineSource, openLines, type OpenLinesOptions } from './open-lines';
import type { LineProblem, ReadLine } from './split-lines';
import type { SourceItem } from './source-item';

const BYTE_ORDER_MARK = '\uFEFF';

/** The reason given for a line that could not be read as text. */
export const lineProblemReason = (problem: LineProblem): string => {
  switch (problem.kind) {
    case 'record-too-large':
      return `record-too-large: the line has ${problem.bytes} bytes, more than the limit of ${problem.limit} (--max-record-bytes)`;
    case 'not-utf8':
      return 'not-utf8: the line is not valid UTF-8; re-export it as UTF-8';
  }
};

/**
 * The source item of line number `line` (from 1) as read: an invalid record for a line that
 * is too large or not UTF-8, `undefined` for a blank one, else the unparsed text (without a
 * byte order mark on line 1). Every reader of export lines numbers and skips through this.
 */
export const sourceItemOfLine = (raw: ReadLine, line: number): SourceItem | undefined => {
  if (typeof raw !== 'string')
    return { kind: 'invalid', entry: { line, reason: lineProblemReason(raw) } };
  const text = line === 1 && raw.startsWith(BYTE_ORDER_MARK) ? raw.slice(1) : raw;
  return text.length > 0 ? { kind: 'line', line, text } : undefined;
};

/**
 * The source items of an opened export, one per non-blank line, lines numbered from 1.
 * Lines are handed on unparsed: the replay parses each once, where it is needed. A line
 * that is too large or not UTF-8 is an invalid record with its line number.
 */
export async function* itemsOfLines(lines: AsyncIterable<ReadLine>): AsyncGenerator<SourceItem> {
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const item = sourceItemOfLine(raw, line);
    if (item !== undefined) yield item;
  }
}

// itemsOfLines over batches of lines: blank lines cost no step of the async iteration.
async function* itemsOfBatches(
  batches: AsyncIterable<readonly ReadLine[]>,
): AsyncGenerator<SourceItem> {
  let line = 0;
  for await (const batch of batches)
    for (const raw of batch) {
      line += 1;
      const item = sourceItemOfLine(raw, line);
      if (item !== undefined) yield item;
    }
}

/** An export file opened as source items, plus the byte counts for progress. */
export interface FileSource {
  readonly items: AsyncIterable<SourceItem>;
  readonly file: LineSource;
}

/** Opens a JSON Lines export (plain or gzip) as source items. */
export const openExportFile = async (
  path: string,
  options: OpenLinesOptions = {},
): Promise<FileSource> => {
  const file = await openLines(path, options);
  return { items: itemsOfBatches(file.batches), file };
};
