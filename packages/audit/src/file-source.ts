import { type LineSource, openLines } from './open-lines';
import type { SourceItem } from './source-item';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The source items of an opened export, one per non-blank line, lines numbered from 1.
 * Lines are handed on unparsed: the replay parses each once, where it is needed.
 */
export async function* itemsOfLines(lines: AsyncIterable<string>): AsyncGenerator<SourceItem> {
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 && raw.startsWith(BYTE_ORDER_MARK) ? raw.slice(1) : raw;
    if (text.length > 0) yield { kind: 'line', line, text };
  }
}

/** An export file opened as source items, plus the byte counts for progress. */
export interface FileSource {
  readonly items: AsyncIterable<SourceItem>;
  readonly file: LineSource;
}

/** Opens a JSON Lines export (plain or gzip) as source items. */
export const openExportFile = async (path: string): Promise<FileSource> => {
  const file = await openLines(path);
  return { items: itemsOfLines(file.lines), file };
};
