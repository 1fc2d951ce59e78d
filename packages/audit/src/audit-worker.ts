// The entry of a worker thread of a `workers` audit: it reads the whole export itself, replays
// its share of the streams and posts its part back (worker-audit.ts starts and merges them).
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, isAuditError } from './audit-error';
import { createAuditor } from './auditor';
import { replayLines } from './file-pass';
import { openLines } from './open-lines';
import { isWorkerTask, type WorkerMessage, type WorkerTask } from './worker-protocol';

const runTask = async (task: WorkerTask, post: (message: WorkerMessage) => void) => {
  const auditor = createAuditor(task.auditor);
  const file = await openLines(task.path, task.read);
  let untilNext = task.progressEvery;
  const records = await replayLines(file, auditor, {
    share: task.share,
    ...(task.auditor.maxDepth === undefined ? {} : { maxDepth: task.auditor.maxDepth }),
    onRecord: (read) => {
      if (--untilNext > 0) return;
      untilNext = task.progressEvery;
      const { events, invalid } = auditor.progress();
      post({ kind: 'progress', records: read, events, invalid, bytesRead: file.bytesRead() });
    },
  });
  if (auditor.reopened()) {
    post({ kind: 'done', part: emptyWirePart(), records, reopened: true });
    return;
  }
  const { totals, ...rest } = auditor.finishPart();
  post({ kind: 'done', part: { ...rest, totals: totals.toRecord() }, records, reopened: false });
};

const emptyWirePart = () => ({
  orders: 0,
  rows: [],
  discrepancies: [],
  invalid: [],
  events: 0,
  byLiability: { klarna: 0, merchant: 0, split: 0, none: 0, undetermined: 0 },
  totals: {},
});

const port = parentPort;
if (port !== null) {
  const post = (message: WorkerMessage): void => {
    port.postMessage(message);
  };
  const task: unknown = workerData;
  if (!isWorkerTask(task)) throw new TypeError('an audit worker needs a task (worker-audit.ts)');
  runTask(task, post).catch((error: unknown) => {
    post(
      isAuditError(error)
        ? { kind: 'error', code: error.code, message: error.message }
        : { kind: 'error', code: 'WORKER', message: describeError(error) },
    );
  });
}
