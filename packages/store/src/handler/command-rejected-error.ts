import type { DomainError, DomainErrorCode } from '@order-liability/domain';

/** `handle` rejects with this when the domain refuses a command (SR-14); nothing is recorded. */
export class CommandRejectedError extends Error {
  /** The domain's stable code, e.g. ALREADY_SETTLED. */
  readonly code: DomainErrorCode;
  readonly domainError: DomainError;

  constructor(domainError: DomainError) {
    super(domainError.message);
    this.name = 'CommandRejectedError';
    this.code = domainError.code;
    this.domainError = domainError;
  }
}

export const isCommandRejectedError = (error: unknown): error is CommandRejectedError =>
  error instanceof CommandRejectedError;
