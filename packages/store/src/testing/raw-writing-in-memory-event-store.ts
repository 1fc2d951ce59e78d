import { checkStreamName } from '../options';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import type { RawEventToWrite } from '../raw-event';

/**
 * The in-memory store with the contract suite's `writeRaw`: stores an event at the stream's
 * next revision exactly as given, without validation, to plant invalid or older-schema events.
 * A test kit, on the testing entry only.
 */
export class RawWritingInMemoryEventStore extends InMemoryEventStore {
  writeRaw(streamName: string, event: RawEventToWrite): Promise<void> {
    return Promise.resolve().then(() => {
      this.ensureOpen();
      this.log.writeRaw(checkStreamName(streamName), event.type, event.data, event.metadata);
    });
  }
}
