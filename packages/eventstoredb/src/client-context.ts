import type { UpcasterRegistry } from '@order-liability/store';
import type { StoreClient } from './client/store-client';
import type { OpenCalls } from './open-calls';

/** What the store's operations share: the client, its running calls, the upcasters. */
export interface ClientContext {
  readonly client: StoreClient;
  readonly calls: OpenCalls;
  readonly upcasters: UpcasterRegistry;
  /** Throws STORE_UNAVAILABLE once the store is closed. */
  readonly ensureOpen: () => void;
}
