import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../service-context';

/** /healthz, /metrics and /openapi.json: for operations, without authentication. */
export const registerOperations = (app: FastifyInstance, context: ServiceContext): void => {
  let projectionFailed = false;
  context.projection.done.catch(() => {
    projectionFailed = true;
  });
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and readiness: the store answers and the projection has caught up',
        tags: ['Operations'],
        response: {
          200: {
            description: 'Ready.',
            type: 'object',
            properties: { status: { type: 'string' }, cases: { type: 'integer' } },
          },
          503: {
            description:
              'Not ready: the store does not answer or the projection has not caught up.',
            type: 'object',
            properties: { status: { type: 'string' }, cases: { type: 'integer' } },
          },
        },
      },
    },
    async (_request, reply) => {
      const ready =
        !projectionFailed &&
        (await Promise.race([
          context.projection.caughtUp.then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((resolve) => {
            setTimeout(() => {
              resolve(false);
            }, 50).unref();
          }),
        ]));
      const cases = context.projection.decisions().size;
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'starting', cases });
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics (text exposition format)',
        tags: ['Operations'],
        produces: ['text/plain'],
        response: { 200: { description: 'The metrics.', type: 'string' } },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', context.metrics.registry.contentType)
        .send(await context.metrics.registry.metrics()),
  );

  app.get(
    '/openapi.json',
    {
      schema: {
        summary: 'This OpenAPI document',
        tags: ['Operations'],
        response: {
          200: { description: 'OpenAPI 3 document.', type: 'object', additionalProperties: true },
        },
      },
    },
    (_request, reply) => reply.send(app.swagger()),
  );
};
