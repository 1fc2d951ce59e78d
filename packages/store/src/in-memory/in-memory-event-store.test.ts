import { describeEventStoreContract } from '../contract/describe-contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('InMemoryEventStore', () => {
  const store = new InMemoryEventStore();
  return {
    store,
    writeRaw: (streamName, event) => store.writeRaw(streamName, event),
    dispose: () => store.close(),
  };
});
