import { orderIdOfStream } from '@order-liability/store';
import type { ParsedItem } from './source-item';

// The streamId of an export line as this library writes it, read without parsing the line;
// any other shape (escapes, other key order) is parsed in full.
const LEADING_STREAM_ID = /^\{"streamId":"([^"\\]{1,512})"/;
const STREAM_ID_KEY = '"streamId"';

/**
 * The streamId JSON.parse would give a line, read without parsing it, when that is certain:
 * the leading key, no other key spelled `"streamId"`, and no \u escape that could spell one.
 * Else undefined, and the line must be parsed to know (a hostile line may repeat the key).
 */
export const leadingStreamId = (text: string): string | undefined => {
  const streamId = LEADING_STREAM_ID.exec(text)?.[1];
  if (streamId === undefined) return undefined;
  return text.indexOf(STREAM_ID_KEY, STREAM_ID_KEY.length + 1) < 0 && !text.includes('\\u')
    ? streamId
    : undefined;
};

/** FNV-1a of a stream name: which partition or worker replays the stream. */
export const hashOf = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
};

/** The order stream an item moves on, so must be replayed with; undefined when none. */
export const orderStreamOf = (item: ParsedItem): string | undefined => {
  const streamId =
    item.kind === 'invalid'
      ? // Only a refused record with a revision moves its stream on.
        item.entry.revision === undefined
        ? undefined
        : item.entry.streamId
      : item.streamId;
  return streamId !== undefined && orderIdOfStream(streamId) !== undefined ? streamId : undefined;
};
