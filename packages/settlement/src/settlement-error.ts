/** IO: a report could not be read; FORMAT: a file is not a settlement report at all. */
export type SettlementErrorCode = 'IO' | 'FORMAT';

/** A report that cannot be reconciled at all (rows that cannot be read are invalid rows instead). */
export class SettlementError extends Error {
  readonly code: SettlementErrorCode;

  constructor(code: SettlementErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SettlementError';
    this.code = code;
  }
}

export const isSettlementError = (error: unknown): error is SettlementError =>
  error instanceof SettlementError;
