import type { DomainErrorCode } from '@order-liability/domain';

/** The service's own error codes, beside the domain's. */
export type ServiceErrorCode =
  | 'UNAUTHORIZED'
  | 'INVALID_SIGNATURE'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'CONCURRENT_WRITE'
  | 'STORE_UNAVAILABLE'
  | 'INTERNAL';

export type ErrorCode = DomainErrorCode | ServiceErrorCode;

/** Every error body of the JSON API. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
}

/** An error the service answers with a status and a coded JSON body. */
export class ServiceError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;

  constructor(statusCode: number, code: ErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.statusCode = statusCode;
    this.code = code;
  }
}

export const isServiceError = (error: unknown): error is ServiceError =>
  error instanceof ServiceError;

/**
 * The HTTP status of a domain refusal: malformed or invalid data 400, a case that does not
 * exist (no stop requested) 404, anything that contradicts the case 409.
 */
export const statusOfDomainCode = (code: DomainErrorCode): number => {
  switch (code) {
    case 'INVALID_COMMAND':
    case 'INVALID_AMOUNT':
      return 400;
    case 'STOP_NOT_REQUESTED':
      return 404;
    case 'STOP_ALREADY_REQUESTED':
    case 'ALREADY_SHIPPED':
    case 'ORDER_STOPPED':
    case 'UNKNOWN_PARCEL':
    case 'CURRENCY_MISMATCH':
    case 'SHIPMENT_AMOUNT_REQUIRED':
    case 'NOT_A_SERVICE':
    case 'ALREADY_CONCLUDED':
    case 'NOT_CONCLUDED':
    case 'ALREADY_SETTLED':
      return 409;
  }
};

/** JSON schema of the error body, for the OpenAPI document. */
export const errorBodySchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: "The domain's error code, or the service's own." },
    message: { type: 'string' },
  },
} as const;
