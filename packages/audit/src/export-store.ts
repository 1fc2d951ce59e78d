import type { EventStore, RecordedEvent } from '@order-liability/store';
import { type ExportRecord, toJsonLine } from './export-record';
import type { InvalidEntry } from './report';
import { entryOfStoreError } from './store-invalid';
import { writeLines } from './write-lines';

/** What an export wrote, and the events the store could not decode (left out). */
export interface ExportResult {
  readonly events: number;
  readonly invalid: readonly InvalidEntry[];
}

/** A recorded event as an export record: revision as a plain number, metadata as stored. */
export const toExportRecord = (recorded: RecordedEvent): ExportRecord => ({
  streamId: recorded.streamId,
  revision: Number(recorded.revision),
  type: recorded.type,
  data: recorded.data,
  metadata: { ...recorded.metadata },
});

/**
 * Writes every event of a store (`readAll`, global order) to a JSON Lines file, gzipped when
 * the name ends in `.gz`. Events the store cannot decode are reported and left out.
 */
export const exportStore = async (store: EventStore, path: string): Promise<ExportResult> => {
  const invalid: InvalidEntry[] = [];
  async function* lines(): AsyncGenerator<string> {
    const events = store.readAll({
      onInvalidEvent: (error) => invalid.push(entryOfStoreError(error)),
    });
    for await (const recorded of events) yield toJsonLine(toExportRecord(recorded));
  }
  const events = await writeLines(path, lines());
  return { events, invalid };
};
