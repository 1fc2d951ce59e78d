import type { ClientResolvedEvent as ResolvedEvent } from './client/store-client';
import {
  toRecordedEvent,
  type InvalidEventHandler,
  type RecordedEvent,
  type UpcasterRegistry,
} from '@order-liability/store';
import { toRawStoredEvent } from './raw-event';

/**
 * Decodes one event read from EventStoreDB. An event that fails goes to `onInvalidEvent` and
 * is skipped (undefined, as is an entry without an event); without a handler its
 * INVALID_EVENT is thrown.
 */
export const decodeResolved = (
  resolved: ResolvedEvent,
  upcasters: UpcasterRegistry,
  onInvalidEvent: InvalidEventHandler | undefined,
): RecordedEvent | undefined => {
  const raw = toRawStoredEvent(resolved);
  if (raw === undefined) return undefined;
  const decoded =
    'code' in raw ? ({ _tag: 'Left', left: raw } as const) : toRecordedEvent(raw, upcasters);
  if (decoded._tag === 'Right') return decoded.right;
  if (onInvalidEvent === undefined) throw decoded.left;
  onInvalidEvent(decoded.left);
  return undefined;
};
