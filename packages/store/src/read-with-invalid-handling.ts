import * as E from 'fp-ts/Either';
import { defaultUpcasters } from './default-upcasters';
import type { InvalidEventHandler, RecordedEvent } from './port';
import { type RawStoredEvent, toRecordedEvent } from './to-recorded-event';
import type { UpcasterRegistry } from './upcasting';

export interface DecodeReadOptions {
  readonly onInvalidEvent?: InvalidEventHandler | undefined;
  readonly upcasters?: UpcasterRegistry | undefined;
}

/**
 * Decodes raw stored events as a read yields them. An event that fails decoding is given to
 * `onInvalidEvent` and skipped; without a handler the iteration rejects with that
 * INVALID_EVENT, after yielding every event before it.
 */
export async function* readWithInvalidHandling(
  raws: AsyncIterable<RawStoredEvent> | Iterable<RawStoredEvent>,
  options: DecodeReadOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const upcasters = options.upcasters ?? defaultUpcasters;
  for await (const raw of raws) {
    const decoded = toRecordedEvent(raw, upcasters);
    if (E.isRight(decoded)) yield decoded.right;
    else if (options.onInvalidEvent === undefined) throw decoded.left;
    else options.onInvalidEvent(decoded.left);
  }
}
