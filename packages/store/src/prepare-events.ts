import { newEventId } from './event-ids';
import * as E from 'fp-ts/Either';
import { decodeEvent } from '@order-liability/domain';
import { defaultUpcasters } from './default-upcasters';
import { invalidEvent } from './errors';
import { isRecord, showValue } from './is-record';
import { jsonCopy } from './json';
import { decodeGivenMetadata } from './metadata';
import { CURRENT_SCHEMA_VERSION, type NewEvent, type RecordedMetadata } from './port';
import { upcast, type UpcasterRegistry } from './upcasting';

/** An event ready to be written: validated data and complete metadata. */
export interface PreparedEvent {
  readonly type: string;
  /**
   * Plain JSON data: the decoded data (unknown fields dropped) for a current-schema event,
   * the data as given for an older-schema one (it is upcast again on every read).
   */
  readonly data: unknown;
  readonly metadata: RecordedMetadata;
}

const isList = (u: unknown): u is readonly unknown[] => Array.isArray(u);

// The data to store: current-schema data as the codec decoded it; older data as given,
// once it is known to upcast into a valid event. Plain branches, not piped combinators: this
// runs for every event of every append, and fp-ts's curried helpers cost more than the checks.
const validData = (
  type: string,
  data: unknown,
  schemaVersion: number,
  upcasters: UpcasterRegistry,
): E.Either<string, unknown> => {
  const current = schemaVersion === CURRENT_SCHEMA_VERSION;
  const upcastData = current ? E.right(data) : upcast(upcasters, type, schemaVersion, data);
  if (E.isLeft(upcastData)) return upcastData;
  const event = decodeEvent({ type, data: upcastData.right });
  if (E.isLeft(event)) return E.left(event.left.message);
  return current ? E.right(event.right.data) : jsonCopy(data);
};

const prepareOne = (
  entry: unknown,
  recordedAt: string,
  upcasters: UpcasterRegistry,
): E.Either<string, PreparedEvent> => {
  if (!isRecord(entry))
    return E.left(`expected an event { type, data, metadata? }, got ${showValue(entry)}`);
  const { type } = entry;
  if (typeof type !== 'string')
    return E.left(`type: expected an event type, got ${showValue(type)}`);
  const given = decodeGivenMetadata(entry['metadata']);
  if (E.isLeft(given)) return E.left(`${type} ${given.left}`);
  const schemaVersion = given.right.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  const data = validData(type, entry['data'], schemaVersion, upcasters);
  if (E.isLeft(data)) return E.left(`${type} ${data.left}`);
  const metadata: RecordedMetadata = {
    ...given.right,
    eventId: given.right.eventId ?? newEventId(),
    recordedAt,
    schemaVersion,
  };
  return E.right({ type, data: data.right, metadata });
};

const firstDuplicateId = (events: readonly PreparedEvent[]): string | undefined => {
  const seen = new Set<string>();
  for (const { metadata } of events) {
    if (seen.has(metadata.eventId)) return metadata.eventId;
    seen.add(metadata.eventId);
  }
  return undefined;
};

/**
 * Validates events for an append to `streamName` and fills in their metadata: eventId (a new
 * UUID unless given), recordedAt (from `now`, one instant for the whole append) and
 * schemaVersion (current unless given; older data must upcast into a valid event).
 * Throws INVALID_EVENT naming the stream, the event's index and the reason; an empty append
 * and an eventId given twice in one append are INVALID_EVENT too.
 */
export const prepareEvents = (
  streamName: string,
  events: readonly NewEvent[],
  now: () => Date = () => new Date(),
  upcasters: UpcasterRegistry = defaultUpcasters,
): PreparedEvent[] => {
  const entries: unknown = events;
  if (!isList(entries) || entries.length === 0)
    throw invalidEvent(
      streamName,
      undefined,
      `an append needs a non-empty list of events { type, data, metadata? }, got ${showValue(entries)}`,
    );
  const recordedAt = now().toISOString();
  const prepared = entries.map((entry, index) => {
    const result = prepareOne(entry, recordedAt, upcasters);
    if (E.isLeft(result))
      throw invalidEvent(streamName, undefined, `event ${index} of the append: ${result.left}`);
    return result.right;
  });
  const duplicate = firstDuplicateId(prepared);
  if (duplicate !== undefined)
    throw invalidEvent(
      streamName,
      undefined,
      `eventId ${duplicate} is given to more than one event of the append; every event needs its own`,
    );
  return prepared;
};
