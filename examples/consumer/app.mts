// A strict TypeScript consumer (skipLibCheck off) of every entry's types. The README snippets
// of each package are checked next to it.
import {
  assessLiability,
  type Decision,
  decide,
  type Event,
  fold,
  initialState,
} from '@order-liability/domain';
import { type EventStore, handle, InMemoryEventStore } from '@order-liability/store';
import {
  type ContractSubject,
  describeEventStoreContract,
  FaultInjectingEventStore,
} from '@order-liability/store/testing';
import { Pool, type PoolConfig, PostgreSQLEventStore } from '@order-liability/postgresql';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@order-liability/postgresql/testing';
import { EventStoreDBEventStore } from '@order-liability/eventstoredb';
import { startEventStoreDBTestServer } from '@order-liability/eventstoredb/testing';
import { type AuditReport, auditItems } from '@order-liability/audit';
// @ts-expect-error: the contract suite is on the testing entry, never on the production entry.
import { describeEventStoreContract as notOnProduction } from '@order-liability/store';
// @ts-expect-error: the embedded PostgreSQL is dev-only.
import { startEmbeddedPostgres as notOnPostgreSQL } from '@order-liability/postgresql';
// @ts-expect-error: the protocol test double is dev-only.
import { startEventStoreDBTestServer as notOnEventStoreDB } from '@order-liability/eventstoredb';

const history: readonly Event[] = [];
const decision: Decision = assessLiability(fold(history));
const result = decide(
  { type: 'RecordDispute', data: { orderId: '1', disputedAt: '2026-03-10T08:30:00Z' } },
  initialState,
);
const stores: EventStore[] = [
  new InMemoryEventStore(),
  new FaultInjectingEventStore(new InMemoryEventStore(), {}),
  new PostgreSQLEventStore(new Pool({ max: 1 } satisfies PoolConfig)),
  new EventStoreDBEventStore('esdb://localhost:2113?tls=false'),
];
const subject = (store: EventStore): ContractSubject => ({
  store,
  writeRaw: () => Promise.resolve(),
});
const server: Promise<EmbeddedPostgres> | undefined = undefined;
const none = async function* () {}; // an empty source
const report = (await auditItems(none())).report satisfies AuditReport;

export const used = [
  decision,
  result,
  stores,
  subject,
  server,
  report,
  handle,
  describeEventStoreContract,
  startEmbeddedPostgres,
  startEventStoreDBTestServer,
  notOnProduction,
  notOnPostgreSQL,
  notOnEventStoreDB,
];
