import {
  type EventStoreError,
  invalidEvent,
  isEventStoreError,
  storeUnavailable,
} from '@order-liability/store';

/** The fields of a node-postgres error this adapter reads (all optional, all strings). */
export interface PgErrorFields {
  readonly message: string;
  /** A SQLSTATE from the server, or a Node code such as ECONNREFUSED. */
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly constraint: string | undefined;
}

const field = (error: object, name: string): string | undefined => {
  const value: unknown = Reflect.get(error, name);
  return typeof value === 'string' ? value : undefined;
};

export const pgErrorFields = (error: unknown): PgErrorFields => {
  if (typeof error !== 'object' || error === null)
    return { message: String(error), code: undefined, detail: undefined, constraint: undefined };
  return {
    message: field(error, 'message') ?? 'unknown error',
    code: field(error, 'code'),
    detail: field(error, 'detail'),
    constraint: field(error, 'constraint'),
  };
};

/** SQLSTATEs raised by the append function (see migrations.ts). */
export const WRONG_EXPECTED_VERSION_STATE = 'OL001';
export const EVENT_IDS_STORED_STATE = 'OL002';

// SQLSTATEs meaning the schema is missing or older than this code.
const NOT_MIGRATED = new Set(['3F000', '42P01', '42883']);

export interface FailureContext {
  readonly schema: string;
  /** The stream an append or read was about, to name it in INVALID_EVENT. */
  readonly streamId?: string;
}

/**
 * Maps whatever node-postgres or the server threw to the port's errors. Event data the
 * database refuses (class 22, such as a \u0000 in a JSON text) and event ids stored already
 * are INVALID_EVENT; everything else — refused or lost connections, a server shutting down
 * (57P01), a pool that was ended, a serialization failure, a schema not migrated — is
 * STORE_UNAVAILABLE: the operation did not happen and may be retried.
 */
export const toStoreError = (error: unknown, context: FailureContext): EventStoreError => {
  if (isEventStoreError(error)) return error;
  const { message, code, detail, constraint } = pgErrorFields(error);
  const { streamId } = context;
  if (streamId !== undefined) {
    if (code === EVENT_IDS_STORED_STATE)
      return invalidEvent(
        streamId,
        undefined,
        `eventId ${detail ?? ''} and others of the append are already stored in this stream but not all of them at consecutive revisions; retry an append with exactly its original events`,
      );
    if (code === '23505' && constraint === 'messages_event_id_key')
      return invalidEvent(
        streamId,
        undefined,
        `an eventId of the append is already stored (${detail ?? 'in another stream'}); every event needs its own eventId`,
      );
    if (code?.startsWith('22') === true)
      return invalidEvent(streamId, undefined, `PostgreSQL refused the event: ${message}`);
  }
  if (code !== undefined && NOT_MIGRATED.has(code))
    return storeUnavailable(
      `the schema "${context.schema}" is missing or not migrated (${message}); call migrate() first`,
      error,
    );
  return storeUnavailable(`PostgreSQL: ${message}${code === undefined ? '' : ` (${code})`}`, error);
};
