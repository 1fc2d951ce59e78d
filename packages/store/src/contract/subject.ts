import type { EventStore } from '../port';
import type { RawEventToWrite } from '../raw-event';

/** What an adapter hands the contract suite for one test. */
export interface ContractSubject {
  /** A store for this test; the suite assumes nothing about events already in it. */
  readonly store: EventStore;
  /** Stores an event at the stream's next revision exactly as given, without validation. */
  readonly writeRaw: (streamName: string, event: RawEventToWrite) => Promise<void>;
  /** Called after each test (after `close` too, in the test that closes the store). */
  readonly dispose?: () => Promise<void>;
}

/** Called before every test for a fresh subject. */
export type MakeContractSubject = () => Promise<ContractSubject> | ContractSubject;
