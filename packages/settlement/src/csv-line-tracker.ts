/** A record csv-parse skipped, and where: after how many records, ending on which line. */
export interface SkippedRecord {
  readonly afterRecords: number;
  readonly endLine: number;
  readonly reason: string;
}

const breaksIn = (fields: readonly unknown[]): number => {
  let breaks = 0;
  for (const field of fields)
    if (typeof field === 'string' && (field.includes('\n') || field.includes('\r')))
      breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks;
};

/**
 * The line each CSV record starts on, counted from the records themselves: one line each, plus
 * the line breaks inside their quoted fields. Cheaper than csv-parse's per-record `info`, which
 * costs a third of the parse. Records csv-parse skips are met in their place: the parser reports
 * them as they happen (ahead of the records read so far), with the count of records before them.
 */
export class CsvLineTracker {
  private lastLine = 0;
  private records = 0;
  private readonly skips: SkippedRecord[] = [];

  /** Notes a record the parser skipped (call from csv-parse's on_skip). */
  skip(skipped: SkippedRecord): void {
    this.skips.push(skipped);
  }

  /** Whether any skipped record is still to be met (most files have none: nothing to look up). */
  hasSkips(): boolean {
    return this.skips.length > 0;
  }

  /** The skipped records met before the next record, each with the line it starts on. */
  skippedBefore(records = this.records): { line: number; reason: string }[] {
    const met: { line: number; reason: string }[] = [];
    while (this.skips.length > 0 && (this.skips[0]?.afterRecords ?? Infinity) <= records) {
      const skipped = this.skips.shift();
      if (skipped === undefined) break;
      met.push({ line: this.lastLine + 1, reason: skipped.reason });
      this.lastLine = Math.max(this.lastLine + 1, skipped.endLine);
    }
    return met;
  }

  /** Every skipped record not met yet (at the end of the file). */
  skippedAtEnd(): { line: number; reason: string }[] {
    return this.skippedBefore(Infinity);
  }

  /** The line the next record starts on; moves past it. */
  record(fields: readonly unknown[]): number {
    this.records += 1;
    const line = this.lastLine + 1;
    this.lastLine = line + breaksIn(fields);
    return line;
  }

  /** The line a failure was met on when no better one is known: the line after the last read. */
  nextLine(): number {
    return this.lastLine + 1;
  }
}
