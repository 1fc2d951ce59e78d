/** One line of a JSON Lines export: a recorded event of one stream, in global order. */
export interface ExportRecord {
  readonly streamId: string;
  /** 0-based revision within the stream, a plain JSON number. */
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The JSON line of a record, keys in the documented order (no trailing newline). */
export const toJsonLine = (record: ExportRecord): string =>
  JSON.stringify({
    streamId: record.streamId,
    revision: record.revision,
    type: record.type,
    data: record.data,
    ...(record.metadata === undefined ? {} : { metadata: record.metadata }),
  });
