import type { EventStore } from '@order-liability/store';
import type { InvalidEntry } from './report';
import type { SourceItem } from './source-item';
import { entryOfStoreError } from './store-invalid';

/**
 * Every event of a store in global order (`readAll`) as source items. Events the store
 * cannot decode come through `onInvalidEvent` and are handed on as invalid items, in the
 * place where they were met, so the replay reports them and goes on.
 */
export async function* storeItems(store: EventStore): AsyncGenerator<SourceItem> {
  const refused: InvalidEntry[] = [];
  const events = store.readAll({
    onInvalidEvent: (error) => refused.push(entryOfStoreError(error)),
  });
  for await (const recorded of events) {
    while (refused.length > 0) {
      const entry = refused.shift();
      if (entry !== undefined) yield { kind: 'invalid', entry };
    }
    yield {
      kind: 'decoded',
      streamId: recorded.streamId,
      revision: Number(recorded.revision),
      event: recorded,
    };
  }
  for (const entry of refused) yield { kind: 'invalid', entry };
}
