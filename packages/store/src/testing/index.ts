// The testing entry of @order-liability/store (`@order-liability/store/testing`): the kit for
// people writing an adapter. Nothing here is for production code; see docs/store.md.

// The contract suite every adapter runs (touches Jest's globals only when called).
export { describeEventStoreContract } from '../contract/describe-contract';
export type { ContractSubject, MakeContractSubject } from '../contract/subject';
export type { RawEventToWrite } from '../raw-event';
export {
  stopRequested,
  shippedWithTracking,
  disputed,
  informationRequested,
  rawMetadata,
} from '../contract/fixtures';

// The reliability scenarios, declared for any store.
export { describeStoreScenarios } from '../scenarios/describe-store-scenarios';
export type { ScenarioSubject } from '../scenarios/describe-store-scenarios';
export { runConcurrentCommands } from '../scenarios/concurrent-commands';
export type { ConcurrencyReport } from '../scenarios/concurrent-commands';
export { runCatchUpUnderWriters } from '../scenarios/catch-up-under-writers';
export type { CatchUpReport, CatchUpOptions } from '../scenarios/catch-up-under-writers';

// Faults on demand around any store.
export { FaultInjectingEventStore } from '../faults/fault-injecting-event-store';
export type { AppendFault, ReadFault, FaultSchedule } from '../faults/fault-injecting-event-store';

// The in-memory store with raw writes, for tests that plant invalid events.
export { RawWritingInMemoryEventStore } from './raw-writing-in-memory-event-store';
