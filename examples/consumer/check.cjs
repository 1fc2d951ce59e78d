// A CommonJS consumer of the packed packages: what each production entry exports, what it must
// not (test kits), and the README's store API run for real. Prints one JSON line.
const domain = require('@order-liability/domain');
const store = require('@order-liability/store');
const postgresql = require('@order-liability/postgresql');
const eventstoredb = require('@order-liability/eventstoredb');
const audit = require('@order-liability/audit');
const storeTesting = require('@order-liability/store/testing');

const testKit = [
  'describeEventStoreContract',
  'describeStoreScenarios',
  'FaultInjectingEventStore',
  'runConcurrentCommands',
  'runCatchUpUnderWriters',
  'RawWritingInMemoryEventStore',
  'rawMetadata',
  'startEmbeddedPostgres',
  'writeRawEvent',
  'startEventStoreDBTestServer',
];
const entries = { domain, store, postgresql, eventstoredb, audit };

const main = async () => {
  const memory = new store.InMemoryEventStore();
  const { decision } = await store.handle(memory, {
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
  });
  await memory.close();
  console.log(
    JSON.stringify({
      testKitOnProductionEntries: Object.entries(entries).flatMap(([name, entry]) =>
        testKit.filter((helper) => helper in entry).map((helper) => `${name}.${helper}`),
      ),
      writeRawOnProductionClasses: [
        store.InMemoryEventStore,
        postgresql.PostgreSQLEventStore,
        eventstoredb.EventStoreDBEventStore,
      ]
        .filter((type) => 'writeRaw' in type.prototype)
        .map((type) => type.name),
      api: [
        typeof domain.decide,
        typeof store.handle,
        typeof postgresql.PostgreSQLEventStore,
        typeof eventstoredb.EventStoreDBEventStore,
        typeof audit.auditFile,
        typeof storeTesting.describeEventStoreContract,
      ],
      decision: [decision.status, decision.liability],
    }),
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
