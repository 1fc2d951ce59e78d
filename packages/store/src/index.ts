// The public surface of @order-liability/store.
export type {
  EventStore,
  ExpectedRevision,
  NewEvent,
  NewEventMetadata,
  RecordedEvent,
  RecordedMetadata,
  AppendOptions,
  AppendResult,
  Direction,
  ReadStreamOptions,
  ReadAllOptions,
  InvalidEventHandler,
} from './port';
export { CURRENT_SCHEMA_VERSION } from './port';
export type { Position } from './position';
export { comparePositions } from './position';
export {
  EventStoreError,
  isEventStoreError,
  wrongExpectedVersion,
  streamNotFound,
  storeUnavailable,
  invalidEvent,
} from './errors';
export type { EventStoreErrorCode, ReportedRevision } from './errors';
export { orderStreamName, orderIdOfStream, isSystemStream, ORDER_STREAM_PREFIX } from './stream-name';
