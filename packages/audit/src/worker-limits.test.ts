import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './__fixtures__/lines';
import { generateRecords } from './generate/generate-export';
import { auditInWorkers, type WorkerAuditOptions } from './worker-audit';

// The heap limits each worker was started with, as the Worker constructor received them.
const mockLimitsSeen: unknown[] = [];
jest.mock('node:worker_threads', () => {
  const actual: typeof import('node:worker_threads') = jest.requireActual('node:worker_threads');
  class RecordingWorker extends actual.Worker {
    constructor(file: string, options?: import('node:worker_threads').WorkerOptions) {
      super(file, options);
      mockLimitsSeen.push(options?.resourceLimits);
    }
  }
  return { ...actual, Worker: RecordingWorker };
});

const options: WorkerAuditOptions = {
  workers: 2,
  auditor: {},
  read: { maxRecordBytes: 1e6, maxInflateRatio: 100, maxInflatedBytes: 1e9 },
  progressEvery: 1000,
  totalBytes: 0,
};

const limitsOfWorkers = async (given: Partial<WorkerAuditOptions>): Promise<readonly unknown[]> => {
  const { dir, remove } = await tempDir();
  mockLimitsSeen.length = 0;
  try {
    const path = join(dir, 'small.jsonl');
    const lines = [...generateRecords({ orders: 20, seed: 3 })].map((r) => JSON.stringify(r));
    await writeFile(path, `${lines.join('\n')}\n`);
    await auditInWorkers(path, { ...options, ...given });
    return [...mockLimitsSeen];
  } finally {
    await remove();
  }
};

describe('the heap of each audit worker', () => {
  it('has a young generation of 12 MB unless told otherwise', async () => {
    expect(await limitsOfWorkers({})).toEqual([
      { maxYoungGenerationSizeMb: 12 },
      { maxYoungGenerationSizeMb: 12 },
    ]);
  }, 60_000);

  it('takes the limits it is given instead', async () => {
    const resourceLimits = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 512 };
    expect(await limitsOfWorkers({ resourceLimits })).toEqual([resourceLimits, resourceLimits]);
  }, 60_000);
});
