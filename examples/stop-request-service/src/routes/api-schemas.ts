// JSON schemas of the API: they validate requests and describe them in the OpenAPI document.
// The domain's codecs check every value again (calendar dates, safe integers, VAT bounds).
import { errorBodySchema } from '../service-error';

export const timestamp = {
  type: 'string',
  format: 'date-time',
  description: 'An ISO-8601 UTC instant, e.g. 2026-03-02T09:00:00Z.',
} as const;

export const minorUnits = {
  type: 'integer',
  minimum: 0,
  description: 'Integer minor units (øre, cent); never a decimal.',
} as const;

export const orderIdParams = {
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

export const idempotencyHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'A key of your choosing: a request repeated with it records nothing again.',
    },
  },
} as const;

const decision = {
  type: 'object',
  additionalProperties: true,
  description: "The liability decision (docs/domain.md, 'The decision').",
} as const;

export const commandOutcome = {
  type: 'object',
  required: ['orderId', 'duplicate', 'recorded', 'decision'],
  properties: {
    orderId: { type: 'string' },
    duplicate: { type: 'boolean' },
    recorded: { type: 'array', items: { type: 'string' } },
    decision,
  },
} as const;

export const errorResponses = {
  400: {
    description: 'Malformed or invalid body (INVALID_COMMAND, INVALID_AMOUNT).',
    ...errorBodySchema,
  },
  401: { description: 'Missing or wrong bearer token.', ...errorBodySchema },
  404: { description: 'No such case (STOP_NOT_REQUESTED).', ...errorBodySchema },
  409: { description: 'The command contradicts the case (SR-14).', ...errorBodySchema },
  503: { description: 'The store is unavailable; retry later.', ...errorBodySchema },
} as const;

export const commandResponses = {
  200: {
    description: 'Already recorded under this idempotency key; nothing recorded again.',
    ...commandOutcome,
  },
  201: { description: 'Recorded.', ...commandOutcome },
  ...errorResponses,
} as const;

export const bearerSecurity = [{ bearerAuth: [] }];
