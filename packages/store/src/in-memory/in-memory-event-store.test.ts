import { describeEventStoreContract, RawWritingInMemoryEventStore } from '../testing';

describeEventStoreContract('InMemoryEventStore', () => {
  const store = new RawWritingInMemoryEventStore();
  return {
    store,
    writeRaw: (streamName, event) => store.writeRaw(streamName, event),
    dispose: () => store.close(),
  };
});
