import { Option } from 'commander';

// The source flags as commander options; what they mean is sourceOf's (source-of.ts).
export const inputOption = (description: string): Option =>
  new Option('--input <file>', description).conflicts(['eventstore', 'postgres']);

export const eventstoreOption = (): Option =>
  new Option(
    '--eventstore <connection>',
    'EventStoreDB connection string, e.g. esdb://localhost:2113?tls=false',
  ).conflicts(['postgres']);

export const postgresOption = (): Option =>
  new Option(
    '--postgres <connection>',
    'PostgreSQL connection string, e.g. postgres://user@host/db',
  );

export const postgresSchemaOption = (): Option =>
  new Option(
    '--postgres-schema <name>',
    "PostgreSQL schema of the store (default 'order_liability')",
  );
