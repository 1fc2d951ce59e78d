import {
  type InvalidEventHandler,
  type RawStoredEvent,
  type RecordedEvent,
  storeUnavailable,
  toRecordedEvent,
  type UpcasterRegistry,
} from '@order-liability/store';
import { type MessageRow, rawStoredEventOfRow } from './message-row';

export interface DecodeRowOptions {
  /** Names what was read, for the error about a row without a column: `readAll`, `stream order-1`. */
  readonly read: string;
  /** Throws STORE_UNAVAILABLE once the store is closed; called before every event. */
  readonly ensureOpen: () => void;
  readonly onInvalidEvent: InvalidEventHandler | undefined;
  readonly upcasters: UpcasterRegistry;
}

/** A messages row as the store's decoder takes it; a row without a column is STORE_UNAVAILABLE. */
export const rawOf = (row: MessageRow, read: string): RawStoredEvent => {
  const raw = rawStoredEventOfRow(row);
  if (raw === undefined) throw storeUnavailable(`a row of ${read} lacks a column`);
  return raw;
};

/**
 * Decodes a messages row once, as a read hands it out: the event, or undefined when it failed
 * decoding and went to `onInvalidEvent`; without a handler it throws that INVALID_EVENT (the
 * rule of the store's `readWithInvalidHandling`). A plain function, called inside the read's one
 * generator: a second generator layer per event costs about as much as the decoding itself.
 */
export const rowDecoder = (
  options: DecodeRowOptions,
): ((row: MessageRow) => RecordedEvent | undefined) => {
  const { read, ensureOpen, onInvalidEvent, upcasters } = options;
  return (row) => {
    ensureOpen();
    const decoded = toRecordedEvent(rawOf(row, read), upcasters);
    // `_tag`, not fp-ts's isRight: this package does not depend on fp-ts.
    if (decoded._tag === 'Right') return decoded.right;
    if (onInvalidEvent === undefined) throw decoded.left;
    onInvalidEvent(decoded.left);
    return undefined;
  };
};

/** The rows of pages as raw stored events, undecoded: the subscription decodes what it keeps. */
export async function* rawEvents(
  pages: AsyncIterable<readonly MessageRow[]>,
  ensureOpen: () => void,
): AsyncGenerator<RawStoredEvent, void, undefined> {
  for await (const rows of pages)
    for (const row of rows) {
      ensureOpen();
      yield rawOf(row, 'readAll');
    }
}
