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
 * The source items of an opened export, one per non-blank line, lines numbered from 1.
 * Lines are handed on unparsed: the replay parses each once, where it is needed. A line
 * that is too large or not UTF-8 is an invalid record with its line number.
 */
export async function* itemsOfLines(lines: AsyncIterable<ReadLine>): AsyncGenerator<SourceItem> {
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    if (typeof raw !== 'string') {
      yield { kind: 'invalid', entry: { line, reason: lineProblemReason(raw) } };
      continue;
    }
    const text = line === 1 && raw.startsWith(BYTE_ORDER_MARK) ? raw.slice(1) : raw;
    if (text.length > 0) yield { kind: 'line', line, text };
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
      if (typeof raw !== 'string')
        yield { kind: 'invalid', entry: { line, reason: lineProblemReason(raw) } };
      else {
        const text = line === 1 && raw.startsWith(BYTE_ORDER_MARK) ? raw.slice(1) : raw;
        if (text.length > 0) yield { kind: 'line', line, text };
      }
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
