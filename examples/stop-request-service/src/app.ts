import { join } from 'node:path';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import type { PolicyOverride } from '@order-liability/domain';
import { subscribeToOrders } from '@order-liability/store';
import { Eta } from 'eta';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonErrorHandler } from './error-handler';
import { createMetrics } from './metrics';
import type { ServiceStore } from './open-store';
import { registerDisputesWebhook } from './routes/disputes-webhook';
import { registerKlarnaApi } from './routes/klarna-api';
import { registerMerchantForm } from './routes/merchant-form';
import { registerOperations } from './routes/operations';
import type { ServiceContext } from './service-context';

export interface AppOptions {
  readonly store: ServiceStore;
  readonly linkSecret: string;
  readonly apiToken: string;
  readonly webhookSecret: string;
  /** The base of merchant links, e.g. https://stop.example.com (a function: known once listening). */
  readonly publicUrl: string | (() => string);
  readonly linkTtlHours?: number;
  readonly bodyLimitBytes?: number;
  readonly policy?: PolicyOverride;
  /** The clock (tests fix it); default the system's. */
  readonly now?: () => Date;
  /** Told of every route as it is added (the OpenAPI test lists them with it). */
  readonly onRoute?: (route: { readonly method: string; readonly url: string }) => void;
  /** Fastify's pino options (level, stream); false for none. Redaction is always added. */
  readonly logger?:
    { readonly level?: string; readonly stream?: { write(line: string): void } } | false;
}

/** The paths pino must never write: credentials, signatures and risk notes (SR-1). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["klarna-signature"]',
  'req.headers.cookie',
  'body',
  '*.body',
  'riskNotes',
  '*.riskNotes',
  '*.*.riskNotes',
];

const loggerOptions = (logger: AppOptions['logger']): FastifyServerOptions['logger'] => {
  if (logger === false) return false;
  return {
    level: logger?.level ?? 'info',
    ...(logger?.stream === undefined ? {} : { stream: logger.stream }),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // The path only: a merchant link's query carries its signature, a capability.
      req: (request: { method: string; url: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        route: request.routeOptions?.url,
      }),
    },
  };
};

/** The service as a Fastify app; `close()` also stops its projection (not the store). */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const projection = subscribeToOrders(
    options.store,
    options.policy === undefined ? {} : { policy: options.policy },
  );
  const metrics = createMetrics(() => projection.decisions().size);
  const context: ServiceContext = {
    store: options.store,
    projection,
    metrics,
    views: new Eta({ views: join(__dirname, 'views'), autoEscape: true, cache: true }),
    now: options.now ?? (() => new Date()),
    policy: options.policy,
    linkSecret: options.linkSecret,
    apiToken: options.apiToken,
    webhookSecret: options.webhookSecret,
    publicUrl: () =>
      (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(
        /\/+$/,
        '',
      ),
    linkTtlHours: options.linkTtlHours ?? 14 * 24,
  };
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimitBytes ?? 64 * 1024,
    // Money must arrive as integers: no coercion of "100" to 100; unknown fields are ignored.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  const { onRoute } = options;
  if (onRoute !== undefined)
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) onRoute({ method, url: route.url });
    });
  app.addHook('onClose', async () => {
    await projection.stop();
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.inc({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    });
  });
  app.setErrorHandler(jsonErrorHandler);
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', message: 'No such route.' }),
  );
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Stop-request service',
        version: '0.1.0',
        description:
          "Klarna's side of the stop-request process as JSON (bearer token), Klarna's dispute notifications (signed) and operations endpoints. The merchant's HTML form is not part of this API.",
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  // Each part in a plugin of its own: its hooks and body parsers stay within it.
  await app.register((api, _options, done) => {
    registerKlarnaApi(api, context);
    done();
  });
  await app.register((webhook, _options, done) => {
    registerDisputesWebhook(webhook, context);
    done();
  });
  await app.register(async (form) => {
    await form.register(formbody);
    registerMerchantForm(form, context);
  });
  registerOperations(app, context);
  return app;
};
