import type { SchemaName } from './schema-name';

/** One step of the schema's history. Applied in order, each exactly once, in one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: (schema: SchemaName) => string;
}

// Version 1: the tables and the append function.
//
// - streams: one row per stream, holding the revision of its last event. Appends lock this row,
//   so the expected revision is checked against the committed revision by the database.
// - messages: one row per event. global_position comes from an identity sequence (gaps after
//   rollbacks are normal); transaction_id is the writing transaction's 64-bit id, fixed at its
//   first write. readAll orders and checkpoints by (transaction_id, global_position) and reads
//   only transactions below the snapshot's xmin (docs/postgresql.md, "Never skipping an event").
// - append_events: the whole append in one statement (one round trip, one transaction). It
//   raises SQLSTATE OL001 (detail: the actual revision, -1 for no stream) when the expected
//   revision does not hold and OL002 when some of the event ids are stored already.
const v1 = (s: SchemaName): string => `
CREATE TABLE ${s.sql}.streams (
  stream_id text PRIMARY KEY,
  revision bigint NOT NULL
);

CREATE TABLE ${s.sql}.messages (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 0),
  event_id text NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  CONSTRAINT messages_stream_revision_key UNIQUE (stream_id, revision),
  CONSTRAINT messages_event_id_key UNIQUE (event_id)
);

CREATE INDEX messages_transaction_position_idx
  ON ${s.sql}.messages (transaction_id, global_position);

CREATE FUNCTION ${s.sql}.append_events(p_stream_id text, p_expected text, p_events jsonb)
RETURNS TABLE (outcome text, last_revision bigint, last_transaction_id xid8, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count bigint := jsonb_array_length(p_events);
  v_current bigint;
  v_first_id text := p_events -> 0 ->> 'eventId';
  v_first_revision bigint;
  v_matched bigint := 0;
BEGIN
  IF v_count = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'OL003', MESSAGE = 'an append needs at least one event';
  END IF;

  -- Lock the stream's row and move its revision in one statement. Concurrent appends to one
  -- stream queue here; under READ COMMITTED each sees what the previous holder committed.
  -- Whatever fails below raises, which rolls this back with the rest.
  LOOP
    UPDATE ${s.sql}.streams s SET revision = s.revision + v_count
      WHERE s.stream_id = p_stream_id
      RETURNING s.revision - v_count INTO v_current;
    EXIT WHEN FOUND;
    -- A new stream: the primary key decides between two creators; the loser loops and locks.
    INSERT INTO ${s.sql}.streams (stream_id, revision) VALUES (p_stream_id, v_count - 1)
      ON CONFLICT (stream_id) DO NOTHING;
    IF FOUND THEN
      v_current := -1;
      EXIT;
    END IF;
  END LOOP;

  -- A retry of an append whose reply was lost: its events are stored in this stream already,
  -- at consecutive revisions in the same order. Only then is the first id found, so a new
  -- append pays one index probe.
  IF v_first_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM ${s.sql}.messages m WHERE m.event_id = v_first_id
  ) THEN
    SELECT m.revision INTO v_first_revision FROM ${s.sql}.messages m
      WHERE m.event_id = v_first_id AND m.stream_id = p_stream_id;
    IF FOUND THEN
      SELECT count(*) INTO v_matched
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(ev, n)
        JOIN ${s.sql}.messages m ON m.event_id = e.ev ->> 'eventId'
        WHERE m.stream_id = p_stream_id AND m.revision = v_first_revision + e.n - 1;
    END IF;
    IF v_matched = v_count THEN
      -- Nothing is written: put the revision back (the stream exists, it has these events).
      UPDATE ${s.sql}.streams SET revision = v_current WHERE stream_id = p_stream_id;
      RETURN QUERY SELECT 'retried'::text, m.revision, m.transaction_id, m.global_position
        FROM ${s.sql}.messages m
        WHERE m.stream_id = p_stream_id AND m.revision = v_first_revision + v_count - 1;
      RETURN;
    END IF;
  END IF;

  IF NOT (
    p_expected = 'any'
    OR (p_expected = 'no-stream' AND v_current = -1)
    OR (p_expected = 'stream-exists' AND v_current >= 0)
    OR (p_expected ~ '^[0-9]{1,18}$' AND p_expected::bigint = v_current)
  ) THEN
    RAISE EXCEPTION USING ERRCODE = 'OL001', MESSAGE = 'wrong expected version',
      DETAIL = v_current::text;
  END IF;

  IF v_first_revision IS NOT NULL OR v_matched > 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'OL002', MESSAGE = 'event ids already stored',
      DETAIL = v_first_id;
  END IF;

  RETURN QUERY
  WITH inserted AS (
    INSERT INTO ${s.sql}.messages (stream_id, revision, event_id, type, data, metadata)
    SELECT p_stream_id, v_current + e.n, e.ev ->> 'eventId', e.ev ->> 'type', e.ev -> 'data',
      e.ev -> 'metadata'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(ev, n)
    ORDER BY e.n
    RETURNING global_position
  )
  SELECT 'appended'::text, v_current + v_count, pg_current_xact_id(), max(global_position)
  FROM inserted;
END
$fn$;
`;

/** Every migration, oldest first. A released migration is never edited: add a new one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'streams, messages and append_events', sql: v1 },
];

/** The schema version this code expects. */
export const LATEST_SCHEMA_VERSION = migrations.reduce(
  (latest, m) => Math.max(latest, m.version),
  0,
);
