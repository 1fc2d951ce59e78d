import * as E from 'fp-ts/Either';
import { decodeEvent, type Event, isEventType } from '@order-liability/domain';
import type { DecodedItem, RawItem } from './source-item';

/**
 * The domain event of an item, or the reason it is not one (unknown type, codec failure).
 * decodeEvent is compiled from the codecs, so this is the whole fast path too.
 */
export const decodeItem = (item: RawItem | DecodedItem): E.Either<string, Event> => {
  if (item.kind === 'decoded') return E.right(item.event);
  const { type, data } = item;
  if (typeof type !== 'string') return E.left('not a recorded event: type must be a string');
  if (!isEventType(type)) return E.left(`unknown event type ${JSON.stringify(type)}`);
  const decoded = decodeEvent({ type, data });
  return E.isLeft(decoded) ? E.left(`invalid event: ${decoded.left.message}`) : decoded;
};
