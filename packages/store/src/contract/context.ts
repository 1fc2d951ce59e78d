import type { EventStore } from '../port';
import type { ContractSubject } from './subject';

/** What every part of the contract suite gets: the running test's subject and names. */
export interface ContractContext {
  readonly subject: () => ContractSubject;
  readonly store: () => EventStore;
  /**
   * A stream of an order unique to the running test: `order-<tag>-<suffix>`. Every stream a
   * test uses carries its tag, so `readAll` checks can ignore events of other tests.
   */
  readonly order: (suffix: string) => { readonly stream: string; readonly orderId: string };
  readonly tag: () => string;
}

/** Per-test timeout: generous, as the suite also runs against servers over the network. */
export const CONTRACT_TIMEOUT_MS = 30_000;
