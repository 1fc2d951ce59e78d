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
  streamExpectedToExist,
  streamNotFound,
  storeUnavailable,
  invalidEvent,
} from './errors';
export type { EventStoreErrorCode, ReportedRevision } from './errors';
export {
  InvalidArgumentError,
  isInvalidArgumentError,
  MAX_STREAM_NAME_BYTES,
  MAX_REVISION,
} from './invalid-argument';
export {
  orderStreamName,
  orderIdOfStream,
  isSystemStream,
  ORDER_STREAM_PREFIX,
} from './stream-name';

// Helpers every adapter shares, so that the rules live in one place.
export { prepareEvents } from './prepare-events';
export type { PreparedEvent } from './prepare-events';
export { decodeStoredEvent, toRecordedEvent } from './to-recorded-event';
export type { RawStoredEvent } from './to-recorded-event';
export { checkExpectedRevision } from './expected-revision';
export { readWithInvalidHandling } from './read-with-invalid-handling';
export type { DecodeReadOptions } from './read-with-invalid-handling';
export {
  checkStreamName,
  checkAppendOptions,
  checkReadStreamOptions,
  checkReadAllOptions,
} from './options';
export type { CheckedReadStreamOptions, CheckedReadAllOptions } from './options';
export { decodeRecordedMetadata } from './metadata';

// Event ids.
export { EVENT_ID_NAMESPACE, newEventId, submissionEventId } from './event-ids';

// Upcasting.
export { emptyUpcasters, upcast } from './upcasting';
export type { Upcaster, UpcasterRegistry } from './upcasting';
export { defaultUpcasters } from './default-upcasters';
export { shippedWithTrackingFromV0 } from './upcasters/shipped-with-tracking-v0';

// The embedded store.
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
export type { InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';

// The command handler.
export { handle } from './handler/handle';
export type { HandleResult } from './handler/handle';
export {
  DEFAULT_RETRIES,
  DEFAULT_UNAVAILABLE_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
} from './handler/handle-options';
export type { HandleOptions } from './handler/handle-options';
export { CommandRejectedError, isCommandRejectedError } from './handler/command-rejected-error';

// The decision projection, the same for every adapter.
export { subscribeToOrders } from './subscriptions/order-decisions';
export type {
  DecisionUpdate,
  OrderDecisions,
  OrderDecisionsCheckpoint,
  SubscribeToOrdersOptions,
} from './subscriptions/order-decisions';
export type {
  AllSubscription,
  SubscribableStore,
  SubscribeToAllOptions,
} from './subscriptions/all-subscription';
export { deferred } from './subscriptions/deferred';
export type { Deferred } from './subscriptions/deferred';

// Test kits (contract suite, scenarios, fault injector, fixtures) are on the testing entry,
// `@order-liability/store/testing`, never here.
