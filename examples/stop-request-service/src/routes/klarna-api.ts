import { assessLiability, type Command } from '@order-liability/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isBearer } from '../bearer';
import { listCases } from '../case-list';
import { merchantLink } from '../merchant-link';
import { readCase } from '../read-case';
import { type CommandOutcome, runCommand } from '../run-command';
import { ServiceError } from '../service-error';
import type { ServiceContext } from '../service-context';
import {
  bearerSecurity,
  commandResponses,
  errorResponses,
  idempotencyHeaders,
  minorUnits,
  orderIdParams,
  timestamp,
} from './api-schemas';

interface OrderParams {
  readonly orderId: string;
}
interface KeyHeaders {
  readonly 'idempotency-key'?: string;
}

const send = (reply: FastifyReply, outcome: CommandOutcome): CommandOutcome => {
  void reply.code(outcome.duplicate ? 200 : 201);
  return outcome;
};

/** A body of text fields, as the schemas of the case commands allow. */
type TextBody = Readonly<Record<string, string>>;

const caseCommand = (
  app: FastifyInstance,
  context: ServiceContext,
  path: string,
  summary: string,
  body: object,
  toCommand: (orderId: string, body: TextBody) => Command,
): void => {
  app.post<{ Params: OrderParams; Body: TextBody; Headers: KeyHeaders }>(
    `/api/cases/:orderId/${path}`,
    {
      schema: {
        summary,
        tags: ['Klarna'],
        security: bearerSecurity,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body,
        response: commandResponses,
      },
    },
    async (request, reply) =>
      send(
        reply,
        await runCommand(
          context,
          toCommand(request.params.orderId, request.body),
          request.headers['idempotency-key'],
        ),
      ),
  );
};

interface RequestStopBody {
  readonly orderId: string;
  readonly merchantId: string;
  readonly purchaseKind: 'goods' | 'service';
  readonly currency: string;
  readonly totalAmount: number;
  readonly totalTaxAmount: number;
  readonly requestedAt: string;
  readonly riskNotes?: string[];
}

/** Klarna's side: bearer-authenticated JSON commands and the case list. */
export const registerKlarnaApi = (app: FastifyInstance, context: ServiceContext): void => {
  app.addHook('onRequest', (request, _reply, done) => {
    if (isBearer(request.headers.authorization, context.apiToken)) done();
    else
      done(
        new ServiceError(
          401,
          'UNAUTHORIZED',
          'Send the API token as "Authorization: Bearer <token>".',
        ),
      );
  });

  app.post<{ Body: RequestStopBody; Headers: KeyHeaders }>(
    '/api/cases',
    {
      schema: {
        summary: 'Request a stop (StopRequested): opens the case and returns the merchant link',
        tags: ['Klarna'],
        security: bearerSecurity,
        headers: idempotencyHeaders,
        body: {
          type: 'object',
          required: [
            'orderId',
            'merchantId',
            'purchaseKind',
            'currency',
            'totalAmount',
            'totalTaxAmount',
            'requestedAt',
          ],
          properties: {
            orderId: { type: 'string', minLength: 1, maxLength: 128 },
            merchantId: { type: 'string', minLength: 1, maxLength: 128 },
            purchaseKind: { type: 'string', enum: ['goods', 'service'] },
            currency: { type: 'string', pattern: '^[A-Z]{3}$' },
            totalAmount: minorUnits,
            totalTaxAmount: minorUnits,
            requestedAt: timestamp,
            riskNotes: {
              type: 'array',
              items: { type: 'string' },
              description: 'Klarna-internal (SR-1): never shown to the merchant, never logged.',
            },
          },
        },
        response: {
          200: {
            description: 'Already requested under this idempotency key.',
            type: 'object',
            additionalProperties: true,
          },
          201: {
            description: 'Recorded; `merchantLink` is the signed link to send the merchant.',
            type: 'object',
            additionalProperties: true,
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const outcome = await runCommand(
        context,
        { type: 'RequestStop', data: request.body },
        request.headers['idempotency-key'],
      );
      void reply.code(outcome.duplicate ? 200 : 201);
      return { ...outcome, merchantLink: merchantLink(context, outcome.orderId) };
    },
  );

  caseCommand(
    app,
    context,
    'disputes',
    'Record a dispute by the customer (Disputed, SR-7)',
    { type: 'object', required: ['disputedAt'], properties: { disputedAt: timestamp } },
    (orderId, body) => ({
      type: 'RecordDispute',
      data: { orderId, disputedAt: body['disputedAt'] ?? '' },
    }),
  );
  caseCommand(
    app,
    context,
    'overdue-invoices',
    'Record an overdue invoice (InvoiceOverdue, SR-12)',
    { type: 'object', required: ['observedAt'], properties: { observedAt: timestamp } },
    (orderId, body) => ({
      type: 'RecordInvoiceOverdue',
      data: { orderId, observedAt: body['observedAt'] ?? '' },
    }),
  );
  caseCommand(
    app,
    context,
    'information-requests',
    'Ask the merchant for more information (InformationRequested, SR-7, A-7)',
    {
      type: 'object',
      required: ['requestedAt'],
      properties: {
        requestedAt: timestamp,
        topic: { type: 'string', minLength: 1, maxLength: 128 },
      },
    },
    (orderId, body) => ({
      type: 'RequestInformation',
      data: {
        orderId,
        requestedAt: body['requestedAt'] ?? '',
        ...(body['topic'] === undefined ? {} : { topic: body['topic'] }),
      },
    }),
  );
  caseCommand(
    app,
    context,
    'conclusion',
    'Conclude the investigation (InvestigationConcluded, SR-9, SR-11)',
    {
      type: 'object',
      required: ['concludedAt', 'outcome'],
      properties: {
        concludedAt: timestamp,
        outcome: { type: 'string', enum: ['fraud', 'not-fraud'] },
      },
    },
    (orderId, body) => ({
      type: 'ConcludeInvestigation',
      data: {
        orderId,
        concludedAt: body['concludedAt'] ?? '',
        // The schema admits only the two outcomes.
        outcome: body['outcome'] === 'fraud' ? 'fraud' : 'not-fraud',
      },
    }),
  );
  caseCommand(
    app,
    context,
    'settlement',
    'Book the settlement with the lines of the current decision (SettlementBooked, SR-9)',
    { type: 'object', required: ['bookedAt'], properties: { bookedAt: timestamp } },
    (orderId, body) => ({
      type: 'BookSettlement',
      data: { orderId, bookedAt: body['bookedAt'] ?? '' },
    }),
  );

  app.get<{ Params: OrderParams }>(
    '/api/cases/:orderId',
    {
      schema: {
        summary:
          "One case as Klarna sees it, read from its stream (risk notes included: Klarna's own)",
        tags: ['Klarna'],
        security: bearerSecurity,
        params: orderIdParams,
        response: {
          200: { description: 'The case.', type: 'object', additionalProperties: true },
          401: errorResponses[401],
          404: errorResponses[404],
        },
      },
    },
    async (request) => {
      const read = await readCase(context.store, request.params.orderId);
      if (read?.state.stop == null)
        throw new ServiceError(
          404,
          'STOP_NOT_REQUESTED',
          `No stop was requested for order ${request.params.orderId}.`,
        );
      const { state } = read;
      return {
        stop: state.stop,
        events: read.events.length,
        decision: assessLiability(state, context.policy),
      };
    },
  );

  app.get<{ Params: OrderParams }>(
    '/api/cases/:orderId/merchant-link',
    {
      schema: {
        summary: "A fresh signed link to the case's form, for the merchant",
        tags: ['Klarna'],
        security: bearerSecurity,
        params: orderIdParams,
        response: {
          200: {
            description: 'The link and when it expires.',
            type: 'object',
            required: ['url', 'expiresAt'],
            properties: { url: { type: 'string' }, expiresAt: { type: 'string' } },
          },
          401: errorResponses[401],
          404: errorResponses[404],
        },
      },
    },
    async (request) => {
      const read = await readCase(context.store, request.params.orderId);
      if (read?.state.stop == null)
        throw new ServiceError(
          404,
          'STOP_NOT_REQUESTED',
          `No stop was requested for order ${request.params.orderId}.`,
        );
      return merchantLink(context, request.params.orderId);
    },
  );

  app.get(
    '/api/cases',
    {
      schema: {
        summary:
          'Every case: status, liability, money at stake and deadlines due (catch-up projection)',
        tags: ['Klarna'],
        security: bearerSecurity,
        response: {
          200: {
            description: 'The case list, oldest case first; it follows the store within moments.',
            type: 'object',
            required: ['cases'],
            properties: {
              cases: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          },
          401: errorResponses[401],
        },
      },
    },
    (_request, reply) =>
      reply.send({ cases: listCases(context.projection, context.policy, context.now()) }),
  );
};
