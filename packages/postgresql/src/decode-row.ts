import {
  decodeStoredEvent,
  EventStoreError,
  type InvalidEventHandler,
  type RawStoredEvent,
  type RecordedEvent,
  storeUnavailable,
  type UpcasterRegistry,
} from '@order-liability/store';
import {
  DATA,
  type MessageRow,
  METADATA,
  positionOfRow,
  rawStoredEventOfRow,
  REVISION,
  STREAM_ID,
  TYPE,
} from './message-row';

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
 * rule of the store's `readWithInvalidHandling`). The row's columns go to the store's decoder as
 * they are, with no raw event built in between. A plain function, called inside the read's one
 * generator: a second generator layer per event costs about as much as the decoding itself.
 */
export const rowDecoder = (
  options: DecodeRowOptions,
): ((row: MessageRow) => RecordedEvent | undefined) => {
  const { read, ensureOpen, onInvalidEvent, upcasters } = options;
  return (row) => {
    ensureOpen();
    const streamId = row[STREAM_ID];
    const revision = row[REVISION];
    const position = positionOfRow(row);
    const type = row[TYPE];
    if (
      typeof streamId !== 'string' ||
      typeof revision !== 'bigint' ||
      position === undefined ||
      typeof type !== 'string'
    )
      throw storeUnavailable(`a row of ${read} lacks a column`);
    const decoded = decodeStoredEvent(
      streamId,
      revision,
      position,
      type,
      row[DATA],
      row[METADATA],
      upcasters,
    );
    if (!(decoded instanceof EventStoreError)) return decoded;
    if (onInvalidEvent === undefined) throw decoded;
    onInvalidEvent(decoded);
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
