import type { AuditPart } from './audit-part';
import type { AuditErrorCode } from './audit-error';
import type { AuditorOptions } from './auditor';
import type { StreamShare } from './file-pass';
import { isRecord } from './is-record';
import type { CurrencyTotals } from './report';

/** What a worker thread of a `workers` audit is started with (structured-cloneable). */
export interface WorkerTask {
  readonly path: string;
  readonly auditor: AuditorOptions;
  readonly read: {
    readonly maxRecordBytes: number;
    readonly maxInflateRatio: number;
    readonly maxInflatedBytes: number;
  };
  readonly share: StreamShare;
  readonly progressEvery: number;
}

/** An AuditPart as it crosses threads: the totals as a plain record. */
export type WirePart = Omit<AuditPart, 'totals'> & {
  readonly totals: Readonly<Record<string, CurrencyTotals>>;
};

/** What a worker posts back: progress now and then, then its part or its error. */
export type WorkerMessage =
  | {
      readonly kind: 'progress';
      readonly records: number;
      readonly events: number;
      readonly invalid: number;
      readonly bytesRead: number;
    }
  | {
      readonly kind: 'done';
      readonly part: WirePart;
      readonly records: number;
      readonly reopened: boolean;
    }
  | { readonly kind: 'error'; readonly code: AuditErrorCode; readonly message: string };

/** Whether a worker's data is a task (the shape worker-audit.ts sends). */
export const isWorkerTask = (value: unknown): value is WorkerTask =>
  isRecord(value) &&
  typeof value['path'] === 'string' &&
  isRecord(value['auditor']) &&
  isRecord(value['read']) &&
  isRecord(value['share']) &&
  typeof value['progressEvery'] === 'number';
