import { isEventStoreError } from '@order-liability/store';
import { isCommandRejectedError } from '@order-liability/store';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorBody, isServiceError, statusOfDomainCode } from './service-error';

export interface ErrorAnswer {
  readonly status: number;
  readonly body: ErrorBody;
}

const isFastifyError = (error: unknown): error is FastifyError =>
  error instanceof Error && 'code' in error && typeof error.code === 'string';

/** The status and coded body of any error a request ran into; 500 only for a defect. */
export const errorAnswer = (error: unknown): ErrorAnswer => {
  if (isServiceError(error))
    return { status: error.statusCode, body: { code: error.code, message: error.message } };
  if (isCommandRejectedError(error))
    return {
      status: statusOfDomainCode(error.code),
      body: { code: error.code, message: error.message },
    };
  if (isEventStoreError(error)) {
    if (error.code === 'STORE_UNAVAILABLE')
      return {
        status: 503,
        body: {
          code: 'STORE_UNAVAILABLE',
          message: 'The event store is unavailable; retry later.',
        },
      };
    if (error.code === 'WRONG_EXPECTED_VERSION')
      return {
        status: 409,
        body: {
          code: 'CONCURRENT_WRITE',
          message: 'The case kept changing while this was recorded; retry.',
        },
      };
  }
  if (isFastifyError(error)) {
    if (error.validation !== undefined)
      return {
        status: 400,
        body: { code: 'INVALID_COMMAND', message: `The request is not valid: ${error.message}.` },
      };
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return {
        status: 413,
        body: { code: 'BODY_TOO_LARGE', message: 'The body is larger than the service accepts.' },
      };
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return {
        status: 415,
        body: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Send application/json (or a form, to the form).',
        },
      };
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
      return {
        status: 400,
        body: { code: 'INVALID_COMMAND', message: `The body could not be read: ${error.message}` },
      };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'An unexpected error; it is logged. Retry later.' },
  };
};

/** Fastify's error handler for the JSON routes: coded JSON, defects logged with their stack. */
export const jsonErrorHandler = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  const { status, body } = errorAnswer(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code, status }, 'request refused');
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
};
