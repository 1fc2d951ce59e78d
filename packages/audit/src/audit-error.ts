/**
 * USAGE: the caller asked for something impossible; IO: a file or store failed us; WORKER: a
 * worker thread of a `workers` audit died (out of memory, killed) before it reported.
 */
export type AuditErrorCode = 'USAGE' | 'IO' | 'WORKER';

/** A failure the command line reports as one line and exit code 2. */
export class AuditError extends Error {
  readonly code: AuditErrorCode;

  constructor(code: AuditErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AuditError';
    this.code = code;
  }
}

export const usageError = (message: string): AuditError => new AuditError('USAGE', message);

export const ioError = (message: string, cause?: unknown): AuditError =>
  new AuditError('IO', message, cause);

export const isAuditError = (error: unknown): error is AuditError => error instanceof AuditError;

// Errors from another realm (a VM context, a worker) fail `instanceof Error`.
const messageOf = (error: unknown): string =>
  typeof error === 'object' &&
  error !== null &&
  'message' in error &&
  typeof error.message === 'string'
    ? error.message
    : String(error);

/** A one-line description of any thrown value (for I/O failures from Node). */
export const describeError = (error: unknown): string =>
  messageOf(error).replace(/\s+/g, ' ').trim();
