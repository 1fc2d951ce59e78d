/** Error codes of the contract (docs/domain.md, "Error codes"). */
export type DomainErrorCode =
  | 'STOP_NOT_REQUESTED'
  | 'STOP_ALREADY_REQUESTED'
  | 'ALREADY_SHIPPED'
  | 'ORDER_STOPPED'
  | 'UNKNOWN_PARCEL'
  | 'INVALID_AMOUNT'
  | 'CURRENCY_MISMATCH'
  | 'SHIPMENT_AMOUNT_REQUIRED'
  | 'NOT_A_SERVICE'
  | 'ALREADY_CONCLUDED'
  | 'NOT_CONCLUDED'
  | 'ALREADY_SETTLED'
  | 'INVALID_COMMAND';

/** A rejected command (SR-14): a stable code and a sentence saying what to do instead. */
export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
}

export const domainError = (code: DomainErrorCode, message: string): DomainError => ({
  code,
  message,
});
