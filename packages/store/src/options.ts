import { isStorableText } from '@order-liability/domain';
import { InvalidArgumentError, MAX_REVISION, MAX_STREAM_NAME_BYTES } from './invalid-argument';
import { isRecord, showValue } from './is-record';
import type {
  AppendOptions,
  Direction,
  ExpectedRevision,
  InvalidEventHandler,
  ReadAllOptions,
  ReadStreamOptions,
} from './port';
import type { Position } from './position';

// Options are a programmer's input, not data: a wrong one is an InvalidArgumentError (a
// TypeError, code INVALID_ARGUMENT) saying what to pass, raised as a rejection (never a
// synchronous throw from a read). Every store checks them here, so all refuse them alike.

const refuse = (what: string, expected: string, value: unknown): InvalidArgumentError =>
  new InvalidArgumentError(
    `${what}: expected ${expected}, got ${showValue(value)} (${typeof value}).`,
  );

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

const optionsObject = (options: unknown): Readonly<Record<string, unknown>> => {
  if (options === undefined) return {};
  if (!isRecord(options)) throw refuse('options', 'an object or nothing', options);
  return options;
};

export const checkStreamName = (streamName: unknown): string => {
  if (typeof streamName !== 'string' || streamName === '')
    throw refuse('streamName', 'a non-empty stream name such as order-4711', streamName);
  // Every store must keep the same streams: PostgreSQL would turn these into U+FFFD.
  if (!isStorableText(streamName))
    throw refuse(
      'streamName',
      'well-formed Unicode text (no lone UTF-16 surrogate, no NUL character)',
      streamName,
    );
  const bytes = utf8Bytes(streamName);
  if (bytes > MAX_STREAM_NAME_BYTES)
    throw new InvalidArgumentError(
      `streamName: expected at most ${MAX_STREAM_NAME_BYTES} bytes (UTF-8), got ${bytes} bytes starting ${JSON.stringify(streamName.slice(0, 40))}. Use a shorter order id.`,
    );
  return streamName;
};

const inRange = (value: unknown): value is bigint =>
  typeof value === 'bigint' && value >= 0n && value <= MAX_REVISION;

const isRevision = inRange;

export const checkAppendOptions = (options: AppendOptions | undefined): ExpectedRevision => {
  const { expectedRevision } = optionsObject(options);
  if (expectedRevision === undefined) return 'any';
  if (
    expectedRevision === 'any' ||
    expectedRevision === 'no-stream' ||
    expectedRevision === 'stream-exists' ||
    isRevision(expectedRevision)
  )
    return expectedRevision;
  throw refuse(
    'expectedRevision',
    `'any', 'no-stream', 'stream-exists' or a revision such as 0n (a bigint from 0n to ${MAX_REVISION}n)`,
    expectedRevision,
  );
};

const checkMaxCount = (maxCount: unknown): number | undefined => {
  if (maxCount === undefined) return undefined;
  if (typeof maxCount === 'number' && Number.isSafeInteger(maxCount) && maxCount >= 0)
    return maxCount;
  throw refuse('maxCount', 'a whole number of events, 0 or more', maxCount);
};

const checkHandler = (
  typed: InvalidEventHandler | undefined,
  given: unknown,
): InvalidEventHandler | undefined => {
  if (given !== undefined && typeof given !== 'function')
    throw refuse('onInvalidEvent', 'a function', given);
  return typed;
};

export interface CheckedReadStreamOptions {
  readonly fromRevision: bigint | undefined;
  readonly maxCount: number | undefined;
  readonly direction: Direction;
  readonly onInvalidEvent: InvalidEventHandler | undefined;
}

export const checkReadStreamOptions = (
  options: ReadStreamOptions | undefined,
): CheckedReadStreamOptions => {
  const given = optionsObject(options);
  const { fromRevision, direction } = given;
  if (fromRevision !== undefined && !isRevision(fromRevision))
    throw refuse(
      'fromRevision',
      `a revision such as 0n (a bigint from 0n to ${MAX_REVISION}n)`,
      fromRevision,
    );
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards')
    throw refuse('direction', "'forwards' or 'backwards'", direction);
  return {
    fromRevision,
    maxCount: checkMaxCount(given['maxCount']),
    direction: direction ?? 'forwards',
    onInvalidEvent: checkHandler(options?.onInvalidEvent, given['onInvalidEvent']),
  };
};

export interface CheckedReadAllOptions {
  readonly fromPosition: Position | undefined;
  readonly maxCount: number | undefined;
  readonly onInvalidEvent: InvalidEventHandler | undefined;
}

const isPosition = (value: unknown): value is Position =>
  isRecord(value) && inRange(value['commit']) && inRange(value['prepare']);

export const checkReadAllOptions = (options: ReadAllOptions | undefined): CheckedReadAllOptions => {
  const given = optionsObject(options);
  const { fromPosition } = given;
  if (fromPosition !== undefined && !isPosition(fromPosition))
    throw refuse(
      'fromPosition',
      `a position { commit, prepare } of bigints from 0n to ${MAX_REVISION}n, as read`,
      fromPosition,
    );
  return {
    fromPosition,
    maxCount: checkMaxCount(given['maxCount']),
    onInvalidEvent: checkHandler(options?.onInvalidEvent, given['onInvalidEvent']),
  };
};
