import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow to about three times what survived the last full collection before
// collecting again; an audit lets go of folded orders all along, so the process swells to
// ~255 MB at a million events though ~75 MB is live. Doubling (100%) keeps one core at about
// 200 MB at 1M and at most 235 MB at 3M events for little CPU; 40% kept 172 and 216 MB but
// cost a quarter more CPU at 1M (docs/audit.md).
const HEAP_GROWING_PERCENT = 100;

/**
 * Makes V8 collect old garbage sooner, for the whole process, so that a long audit's peak
 * RSS stays within about twice what it holds (measured: 1M events, 255 → about 200 MB). The
 * command line calls it before an audit; a program embedding `auditFile` may, knowing it
 * applies process-wide.
 */
export const boundHeapGrowth = (): void => {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
};
