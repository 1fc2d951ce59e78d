import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderIdOfStream } from '@order-liability/store';
import { describeError, ioError } from './audit-error';
import { type AuditPart, emptyLiabilityCounts, mergeParts, type Sequenced } from './audit-part';
import { type AuditorOptions, createAuditor } from './auditor';
import { openLines } from './open-lines';
import { parsePartitionLine, PartitionWriter } from './partition-file';
import type { ProgressTicker } from './progress';
import type { AuditResult, InvalidEntry } from './report';
import { resolveItem } from './resolve-item';
import type { SourceItem } from './source-item';
import { hashOf, leadingStreamId, orderStreamOf } from './stream-route';
import { notAnOrderStream } from './stream-cursor';
import { TotalsByCurrency } from './totals';

export interface PartitionedAuditOptions extends AuditorOptions {
  readonly partitions: number;
  readonly tempDir?: string;
  readonly ticker: ProgressTicker;
  /** Share of the source read so far, when known. */
  readonly sourceFraction?: () => number;
}

// Far above any record the source lets through, re-serialised, plus the partition prefix.
const PARTITION_LINE_BYTES = 2 ** 29;

/**
 * Audits in two passes to bound memory by orders per partition rather than by all orders:
 * the first pass writes each order stream's records to one of `partitions` temporary files
 * (by a hash of the stream name; export lines are not parsed for it); the second replays
 * file after file with a fresh auditor, and the parts are merged into exactly the result
 * one pass would give.
 */
export const auditPartitioned = async (
  items: AsyncIterable<SourceItem>,
  options: PartitionedAuditOptions,
): Promise<{ readonly result: AuditResult; readonly records: number }> => {
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'order-liability-audit-')).catch(
    (error: unknown) => {
      throw ioError(`cannot create a temporary directory: ${describeError(error)}`, error);
    },
  );
  const { ticker, sourceFraction } = options;
  try {
    const writers = Array.from(
      { length: options.partitions },
      (_, i) => new PartitionWriter(join(dir, `partition-${i}.txt`)),
    );
    const unpartitioned: Sequenced<InvalidEntry>[] = [];
    let seq = 0;
    const firstPassProgress = () => ({
      phase: 'read' as const,
      records: seq,
      events: 0,
      invalid: unpartitioned.length,
      fraction: sourceFraction?.(),
    });
    const writerOf = (streamId: string) => writers[hashOf(streamId) % writers.length];
    try {
      for await (const item of items) {
        const at = seq;
        seq += 1;
        ticker.tick(firstPassProgress);
        if (item.kind === 'line') {
          const streamId = leadingStreamId(item.text);
          if (streamId !== undefined && orderIdOfStream(streamId) !== undefined) {
            await writerOf(streamId)?.writeItem(at, item);
            continue;
          }
        }
        const parsed = resolveItem(item, options.maxDepth);
        if (parsed === undefined) continue;
        const streamId = orderStreamOf(parsed);
        // A line goes to its partition as read, so the second pass parses the very same text.
        if (streamId !== undefined)
          await writerOf(streamId)?.writeItem(at, item.kind === 'line' ? item : parsed);
        else if (parsed.kind === 'invalid') unpartitioned.push({ seq: at, value: parsed.entry });
        else unpartitioned.push({ seq: at, value: notAnOrderStream(parsed) });
      }
    } catch (error) {
      // The source failed: release the files, and report the source's error, not theirs.
      for (const writer of writers) await writer.close().catch(() => undefined);
      throw error;
    }
    for (const writer of writers) await writer.close();

    const total = seq;
    const parts: AuditPart[] = [
      {
        orders: 0,
        rows: [],
        discrepancies: [],
        invalid: unpartitioned,
        events: 0,
        byLiability: emptyLiabilityCounts(),
        totals: new TotalsByCurrency(),
      },
    ];
    // The replay's share done is of the partition files' bytes, as the read's is of the source's.
    const partitionBytes = writers.reduce((sum, writer) => sum + writer.bytes, 0);
    let bytesReplayed = 0;
    let events = 0;
    let invalid = unpartitioned.length;
    for (const writer of writers) {
      // A partition is bounded, so its events can be held and each order folded once.
      const auditor = createAuditor({ ...options, deferFold: true });
      // Partition lines are the source's records (each within its limit) plus a short prefix.
      const file = await openLines(writer.path, { maxRecordBytes: PARTITION_LINE_BYTES });
      const secondPassProgress = () => {
        const { events: partEvents, invalid: partInvalid } = auditor.progress();
        return {
          phase: 'replay' as const,
          records: total,
          events: events + partEvents,
          invalid: invalid + partInvalid,
          fraction: partitionBytes === 0 ? 1 : (bytesReplayed + file.bytesRead()) / partitionBytes,
        };
      };
      for await (const batch of file.batches)
        for (const text of batch) {
          const parsed = typeof text === 'string' ? parsePartitionLine(text) : undefined;
          if (parsed === undefined) throw ioError(`temporary file ${writer.path} is damaged`);
          auditor.accept(parsed.item, parsed.seq);
          ticker.tick(secondPassProgress);
        }
      bytesReplayed += writer.bytes;
      const part = auditor.finishPart();
      events += part.events;
      invalid += part.invalid.length;
      parts.push(part);
    }
    const result = mergeParts(parts, total);
    return { result, records: total };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
