import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { ServiceConfig } from './config';
import { openStore } from './open-store';

export interface RunningService {
  readonly app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** The base of the merchant links it hands out. */
  readonly publicUrl: string;
  /** Which store it runs on (no credentials). */
  readonly storeDescription: string;
  /** Stops listening, the projection and the store (and an embedded server). */
  readonly close: () => Promise<void>;
}

/** Opens the configured store and starts listening. */
export const startService = async (config: ServiceConfig): Promise<RunningService> => {
  const opened = await openStore(config.storeUrl, config.postgresSchema);
  try {
    let publicUrl = config.publicUrl ?? '';
    const app = await buildApp({
      store: opened.store,
      linkSecret: config.linkSecret,
      apiToken: config.apiToken,
      webhookSecret: config.webhookSecret,
      // Known only once listening when PORT is 0: read per link.
      publicUrl: () => publicUrl,
      linkTtlHours: config.linkTtlHours,
      bodyLimitBytes: config.bodyLimitBytes,
      logger: { level: config.logLevel },
    });
    const url = await app.listen({ host: config.host, port: config.port });
    if (publicUrl === '') publicUrl = url;
    return {
      app,
      url,
      publicUrl,
      storeDescription: opened.description,
      close: async () => {
        await app.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
};
