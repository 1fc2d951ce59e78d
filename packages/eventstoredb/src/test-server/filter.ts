/**
 * PROTOCOL TEST DOUBLE — the server-side filter of a read or subscription to `$all`: on the
 * stream name or the event type, by a list of prefixes (any one matches) or a regex.
 * Checkpoint messages and the search window are not modelled.
 */
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './log';

export type EventFilter = (event: StoredEvent) => boolean;

const acceptAll: EventFilter = () => true;

const matcher = (
  expression: ReadReq.Options.FilterOptions.Expression,
): ((value: string) => boolean) => {
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (value) => prefixes.some((prefix) => value.startsWith(prefix));
  const regex = new RegExp(expression.getRegex());
  return (value) => regex.test(value);
};

/** The filter a request asks for; throws on a regex that does not compile. */
export const filterOf = (options: ReadReq.Options): EventFilter => {
  const filter = options.getFilter();
  if (filter === undefined) return acceptAll;
  const onStream = filter.getStreamIdentifier();
  if (onStream !== undefined) {
    const matches = matcher(onStream);
    return (event) => matches(event.streamName);
  }
  const onType = filter.getEventType();
  if (onType !== undefined) {
    const matches = matcher(onType);
    return (event) => matches(event.type);
  }
  return acceptAll;
};
