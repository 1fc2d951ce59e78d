import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { AuditError, describeError } from './audit-error';
import { type AuditPart, mergeParts } from './audit-part';
import type { AuditorOptions } from './auditor';
import type { AuditProgressEvent } from './progress';
import type { AuditResult } from './report';
import { TotalsByCurrency } from './totals';
import type { WirePart, WorkerMessage, WorkerTask } from './worker-protocol';

export interface WorkerAuditOptions {
  readonly workers: number;
  readonly auditor: AuditorOptions;
  readonly read: WorkerTask['read'];
  readonly progressEvery: number;
  /** Progress summed over the workers; `fraction` of the source's bytes (all read it). */
  readonly onProgress?: (progress: AuditProgressEvent) => void;
  readonly totalBytes: number;
  /**
   * Each worker's heap limits (default WORKER_RESOURCE_LIMITS); a worker past them dies with
   * WORKER.
   */
  readonly resourceLimits?: ResourceLimits;
}

/**
 * A worker's young generation, by default 12 MB instead of V8's 48: each worker is an isolate
 * of its own, and every isolate reserves a whole young generation. Measured on 1M events with
 * two workers: peak RSS 169 MB instead of 228, at the same CPU (docs/audit.md).
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12 };

// The compiled entry next to this file; from the TypeScript sources (tests), the built one.
const workerEntry = (): string => {
  const beside = join(__dirname, 'audit-worker.js');
  return existsSync(beside) ? beside : join(__dirname, '..', 'dist', 'audit-worker.js');
};

const workerFailed = (index: number, reason: string): AuditError =>
  new AuditError(
    'WORKER',
    `audit worker ${index + 1} failed: ${reason}; run again with --workers 1 (one thread) to audit without worker threads`,
  );

const fromWire = (part: WirePart): AuditPart => {
  const totals = new TotalsByCurrency();
  totals.mergeRecord(part.totals);
  return { ...part, totals };
};

interface Outcome {
  readonly part: AuditPart;
  readonly records: number;
  readonly reopened: boolean;
}

/**
 * Audits an export file in `workers` threads: each reads the whole file and replays the
 * streams whose name hashes to it (records of no order stream go to the first), then the
 * parts are merged by record position into exactly the single-pass result. Resolves with
 * undefined when a worker let an order go that came back (the caller replays in partitions).
 * A worker that dies rejects with a WORKER AuditError; its own failures keep their code.
 */
export const auditInWorkers = async (
  path: string,
  options: WorkerAuditOptions,
): Promise<{ readonly result: AuditResult; readonly records: number } | undefined> => {
  const count = options.workers;
  const latest: (Extract<WorkerMessage, { kind: 'progress' }> | undefined)[] = [];
  const threads: Worker[] = [];
  const report = () => {
    const seen = latest.filter((p) => p !== undefined);
    if (seen.length < count || options.onProgress === undefined) return;
    options.onProgress({
      phase: 'read',
      records: Math.min(...seen.map((p) => p.records)),
      events: seen.reduce((sum, p) => sum + p.events, 0),
      invalid: seen.reduce((sum, p) => sum + p.invalid, 0),
      fraction:
        options.totalBytes === 0
          ? 1
          : Math.min(...seen.map((p) => p.bytesRead)) / options.totalBytes,
    });
  };
  const run = (index: number): Promise<Outcome> =>
    new Promise((done, fail) => {
      const task: WorkerTask = {
        path,
        auditor: options.auditor,
        read: options.read,
        share: { index, count },
        progressEvery: options.progressEvery,
      };
      const worker = new Worker(workerEntry(), {
        workerData: task,
        resourceLimits: options.resourceLimits ?? WORKER_RESOURCE_LIMITS,
      });
      threads.push(worker);
      let settled = false;
      worker.on('message', (message: WorkerMessage) => {
        switch (message.kind) {
          case 'progress':
            latest[index] = message;
            report();
            return;
          case 'done':
            settled = true;
            done({
              part: fromWire(message.part),
              records: message.records,
              reopened: message.reopened,
            });
            return;
          case 'error':
            settled = true;
            fail(new AuditError(message.code, message.message));
            return;
        }
      });
      worker.on('error', (error) => {
        if (settled) return;
        settled = true;
        fail(workerFailed(index, describeError(error)));
      });
      worker.on('exit', (code) => {
        if (settled) return;
        settled = true;
        fail(workerFailed(index, `it stopped with exit code ${code} before reporting`));
      });
    });
  try {
    const outcomes = await Promise.all(Array.from({ length: count }, (_, i) => run(i)));
    if (outcomes.some((outcome) => outcome.reopened)) return undefined;
    const records = outcomes[0]?.records ?? 0;
    return {
      result: mergeParts(
        outcomes.map((outcome) => outcome.part),
        records,
      ),
      records,
    };
  } finally {
    // On a failure the others are stopped; after success they have ended already.
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
};
