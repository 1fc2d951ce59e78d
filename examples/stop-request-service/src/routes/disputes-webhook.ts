import type { FastifyInstance } from 'fastify';
import { actionOf, disputeNotificationSchema } from '../dispute-notification';
import { runCommand } from '../run-command';
import { ServiceError } from '../service-error';
import type { ServiceContext } from '../service-context';
import { SIGNATURE_HEADER, verifyBody } from '../webhook-signature';
import { errorResponses } from './api-schemas';

const notificationBody = {
  type: 'object',
  required: ['metadata', 'payload'],
  properties: {
    metadata: {
      type: 'object',
      required: ['event_type', 'event_id', 'occurred_at'],
      properties: {
        event_type: { type: 'string' },
        event_id: { type: 'string' },
        occurred_at: { type: 'string', format: 'date-time' },
      },
    },
    payload: {
      type: 'object',
      required: ['purchase_reference'],
      properties: {
        payment_dispute_id: { type: 'string' },
        purchase_reference: { type: 'string', description: 'The order id of the case.' },
        state: { type: 'string' },
        previous_state: { type: 'string' },
        outcome: { type: 'string', enum: ['WON', 'LOST'] },
        state_context: {
          type: 'object',
          properties: { evidence_response_deadline_at: { type: 'string', format: 'date-time' } },
        },
      },
    },
  },
} as const;

/**
 * Klarna's Disputes API notifications. The body is kept as received (a string) so that the
 * signature is checked over exactly those bytes before anything is parsed or acted on.
 */
export const registerDisputesWebhook = (app: FastifyInstance, context: ServiceContext): void => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
  app.post(
    '/webhooks/klarna/disputes',
    {
      // The schema describes the notification in the OpenAPI document; the route validates the
      // parsed body itself after the signature check.
      attachValidation: true,
      schema: {
        summary:
          'Klarna Disputes API notifications (signed: Klarna-Signature, hex HMAC-SHA256 of the body)',
        tags: ['Klarna webhooks'],
        headers: {
          type: 'object',
          properties: {
            [SIGNATURE_HEADER]: { type: 'string', description: 'Hex HMAC-SHA256 of the raw body.' },
          },
        },
        body: notificationBody,
        response: {
          200: {
            description: 'Acted on: the command recorded (or recorded before: duplicate).',
            type: 'object',
            additionalProperties: true,
          },
          202: {
            description: 'Acknowledged; nothing for this service to do.',
            type: 'object',
            properties: { ignored: { type: 'string' } },
          },
          400: errorResponses[400],
          401: { ...errorResponses[401], description: 'Missing or wrong signature.' },
          404: errorResponses[404],
          409: errorResponses[409],
          503: errorResponses[503],
        },
      },
    },
    async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const signature = request.headers[SIGNATURE_HEADER];
      if (
        !verifyBody(
          context.webhookSecret,
          raw,
          typeof signature === 'string' ? signature : undefined,
        )
      )
        throw new ServiceError(
          401,
          'INVALID_SIGNATURE',
          'The notification is not signed with the webhook secret.',
        );
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ServiceError(400, 'INVALID_COMMAND', 'The notification is not valid JSON.');
      }
      const parsed = disputeNotificationSchema.safeParse(json);
      if (!parsed.success)
        throw new ServiceError(
          400,
          'INVALID_COMMAND',
          `The notification is not a dispute notification: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
        );
      const action = actionOf(parsed.data);
      if (action.kind === 'ignored') return reply.code(202).send({ ignored: action.reason });
      // Klarna retries a notification until it is acknowledged: its event id records it once.
      return runCommand(context, action.command, `klarna-event:${parsed.data.metadata.event_id}`);
    },
  );
};
