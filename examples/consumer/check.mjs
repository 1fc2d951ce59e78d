// An ESM consumer of the packed packages: named imports from every entry (Node finds the names
// of CommonJS modules by static analysis, so this fails if an export cannot be detected).
import { assessLiability, decide, fold, initialState } from '@order-liability/domain';
import { handle, InMemoryEventStore } from '@order-liability/store';
import {
  describeEventStoreContract,
  FaultInjectingEventStore,
  RawWritingInMemoryEventStore,
} from '@order-liability/store/testing';
import { Pool, PostgreSQLEventStore, subscribeToOrders } from '@order-liability/postgresql';
import { startEmbeddedPostgres, writeRawEvent } from '@order-liability/postgresql/testing';
import { EventStoreDBEventStore } from '@order-liability/eventstoredb';
import { startEventStoreDBTestServer } from '@order-liability/eventstoredb/testing';
import { auditItems, formatMarkdown, parseExportLine } from '@order-liability/audit';

const command = {
  type: 'RequestStop',
  data: {
    orderId: '4711',
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: '2026-03-02T09:00:00Z',
  },
};

const decided = decide(command, initialState);
const store = new FaultInjectingEventStore(new InMemoryEventStore(), {});
const { decision } = await handle(store, command);
const production = await import('@order-liability/store');

console.log(
  JSON.stringify({
    decided: decided._tag,
    folded: assessLiability(fold(decided._tag === 'Right' ? decided.right : [])).status,
    handled: decision.status,
    imported: [
      describeEventStoreContract,
      RawWritingInMemoryEventStore,
      Pool,
      PostgreSQLEventStore,
      subscribeToOrders,
      startEmbeddedPostgres,
      writeRawEvent,
      EventStoreDBEventStore,
      startEventStoreDBTestServer,
      auditItems,
      formatMarkdown,
      parseExportLine,
    ].map((value) => typeof value),
    contractSuiteOnProductionEntry: 'describeEventStoreContract' in production,
  }),
);
