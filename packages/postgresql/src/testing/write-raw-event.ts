import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { checkStreamName } from '@order-liability/store';
import type { RawEventToWrite } from '@order-liability/store/testing';
import { appendEvents } from '../append-events';
import { DEFAULT_SCHEMA, schemaName } from '../schema-name';
import { statements } from '../statements';

/**
 * Stores an event at the stream's next revision exactly as given, without validation, straight
 * through the pool (the contract suite's `writeRaw`, to plant invalid or older-schema events).
 * A test kit: production code appends through PostgreSQLEventStore.
 */
export const writeRawEvent = async (
  pool: Pool,
  streamName: string,
  event: RawEventToWrite,
  schema: string = DEFAULT_SCHEMA,
): Promise<void> => {
  const given = event.metadata['eventId'];
  const statement = statements(schemaName(schema), false).append;
  await appendEvents(
    { pool, schema, statement },
    checkStreamName(streamName),
    [
      {
        eventId: typeof given === 'string' ? given : randomUUID(),
        type: event.type,
        data: event.data ?? null,
        metadata: event.metadata,
      },
    ],
    'any',
  );
};
