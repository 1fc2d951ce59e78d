import { type EventStoreError, streamExpectedToExist, wrongExpectedVersion } from './errors';
import type { ExpectedRevision } from './port';

/**
 * The one place the revision rules live; every adapter checks an append with it.
 * `current` is the revision of the stream's last event, or 'no-stream'.
 * - 'any' always passes.
 * - 'no-stream' passes only for a missing stream; otherwise expected 'no-stream', actual the revision.
 * - 'stream-exists' passes for any existing stream; on a missing one the error reports
 *   expected 0n (the least revision an existing stream has) and actual 'no-stream'.
 * - A revision passes only when equal; otherwise expected that revision, actual the current one.
 */
export const checkExpectedRevision = (
  streamName: string,
  expected: ExpectedRevision,
  current: bigint | 'no-stream',
): EventStoreError | undefined => {
  if (expected === 'any') return undefined;
  if (expected === 'no-stream')
    return current === 'no-stream'
      ? undefined
      : wrongExpectedVersion(streamName, 'no-stream', current);
  if (expected === 'stream-exists')
    return current === 'no-stream' ? streamExpectedToExist(streamName) : undefined;
  return current === expected ? undefined : wrongExpectedVersion(streamName, expected, current);
};
