import type { OpenLinesOptions } from '../open-lines';
import { checkMaxInflatedBytes, checkMaxInflateRatio, checkMaxRecordBytes } from '../limits';
import type { CliIo } from './cli-io';

/** The flags that bound how an export is read. */
export interface ReadFlags {
  readonly maxRecordBytes?: number;
  readonly maxDepth?: number;
  readonly maxInflateRatio?: number;
  readonly maxInflatedBytes?: number;
}

/** How to open `--input`: the limits checked (a USAGE AuditError if out of range), and stdin. */
export const readOptionsOf = (flags: ReadFlags, io: CliIo): OpenLinesOptions => ({
  maxRecordBytes: checkMaxRecordBytes(flags.maxRecordBytes),
  maxInflateRatio: checkMaxInflateRatio(flags.maxInflateRatio),
  maxInflatedBytes: checkMaxInflatedBytes(flags.maxInflatedBytes),
  ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
});
