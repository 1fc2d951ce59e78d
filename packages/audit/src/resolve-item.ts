import { parseExportLine } from './parse-line';
import type { ParsedItem, SourceItem } from './source-item';

/** The item with its line parsed; `undefined` for a blank line. */
export const resolveItem = (item: SourceItem, maxDepth?: number): ParsedItem | undefined =>
  item.kind === 'line' ? parseExportLine(item.text, item.line, maxDepth) : item;
