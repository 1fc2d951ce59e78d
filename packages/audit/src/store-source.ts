import { setTimeout as sleep } from 'node:timers/promises';
import {
  type EventStore,
  isEventStoreError,
  type Position,
  type ReadAllOptions,
} from '@order-liability/store';
import type { InvalidEntry } from './report';
import type { SourceItem } from './source-item';
import { entryOfStoreError } from './store-invalid';

export interface StoreItemsOptions {
  /** Times a read the store was unavailable for is resumed from the last position; default 3. */
  readonly resumes?: number;
  /** The pause before the first resume, doubling each time; default 500 ms. */
  readonly resumeDelayMs?: number;
}

const showPosition = (position: Position | undefined): string =>
  position === undefined ? 'the start' : `position ${position.commit}/${position.prepare}`;

/**
 * Every event of a store in global order (`readAll`) as source items. Events the store
 * cannot decode come through `onInvalidEvent` and are handed on as invalid items, in the
 * place where they were met, so the replay reports them and goes on. A read the store becomes
 * unavailable for midway is resumed from the last position seen; when it cannot be, the audit
 * ends with what it read and an entry saying where the read stopped and why. A store that is
 * unavailable before the first event rejects, as an I/O error.
 */
export async function* storeItems(
  store: EventStore,
  { resumes = 3, resumeDelayMs = 500 }: StoreItemsOptions = {},
): AsyncGenerator<SourceItem> {
  const refused: InvalidEntry[] = [];
  const onInvalidEvent: ReadAllOptions['onInvalidEvent'] = (error) => {
    refused.push(entryOfStoreError(error));
  };
  let last: Position | undefined;
  let read = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const events = store.readAll(
        last === undefined ? { onInvalidEvent } : { fromPosition: last, onInvalidEvent },
      );
      for await (const recorded of events) {
        while (refused.length > 0) {
          const entry = refused.shift();
          if (entry !== undefined) yield { kind: 'invalid', entry };
        }
        last = recorded.position;
        read += 1;
        yield {
          kind: 'decoded',
          streamId: recorded.streamId,
          revision: Number(recorded.revision),
          event: recorded,
        };
      }
      break;
    } catch (error) {
      // A store unreachable from the start is an I/O error of the run, not a finding.
      if (!isEventStoreError(error) || error.code !== 'STORE_UNAVAILABLE' || read === 0)
        throw error;
      if (attempt >= resumes) {
        yield {
          kind: 'invalid',
          entry: {
            reason: `the store read stopped after ${read} events (at ${showPosition(last)}) and could not be resumed: ${error.message} Events after that point were not audited; run the audit again.`,
          },
        };
        break;
      }
      await sleep(resumeDelayMs * 2 ** attempt);
    }
  }
  for (const entry of refused) yield { kind: 'invalid', entry };
}
