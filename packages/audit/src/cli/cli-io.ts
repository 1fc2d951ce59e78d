import type { Readable } from 'node:stream';
import type { EventStore } from '@order-liability/store';

/** Where a store is: `--eventstore <connection>` or `--postgres <connection>`. */
export interface StoreSource {
  readonly kind: 'eventstore' | 'postgres';
  readonly connection: string;
  /** PostgreSQL schema (`--postgres-schema`); default the adapter's. */
  readonly schema?: string;
}

/** An opened store and what to do before writing to it (PostgreSQL creates its tables). */
export interface OpenedStore {
  readonly store: EventStore;
  readonly prepareForWrites: () => Promise<void>;
}

/** What the command line talks to; injectable so tests can run it in-process. */
export interface CliIo {
  /** What `--input -` reads; default the process's stdin. */
  readonly stdin?: Readable;
  readonly stdout: NodeJS.WritableStream;
  /** Messages and the progress bar (shown only when `isTTY`). */
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly openStore: (source: StoreSource) => Promise<OpenedStore>;
}
