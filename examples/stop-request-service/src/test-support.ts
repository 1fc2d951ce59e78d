// Test support for this package's tests: a migrated PostgreSQL store in a schema of its own on
// the server the Jest global setup started (ORDER_LIABILITY_TEST_POSTGRES), and an app on it.
import { randomBytes } from 'node:crypto';
import type { PolicyOverride } from '@order-liability/domain';
import { Pool, PostgreSQLEventStore } from '@order-liability/postgresql';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { merchantFormPath } from './signed-link';

export const LINK_SECRET = 'link-secret-0123456789abcdef0123456789';
export const API_TOKEN = 'api-token-0123456789abcdef0123456789abc';
export const WEBHOOK_SECRET = 'webhook-secret-0123456789abcdef012345';
export const PUBLIC_URL = 'https://stop.example.test';
/** The tests' clock: one hour after the stop request of `requestStopBody`. */
export const NOW = new Date('2026-03-02T10:00:00.000Z');
export const NOW_SECONDS = NOW.getTime() / 1000;

export const auth = { authorization: `Bearer ${API_TOKEN}` };

/** A stop request of 1.250,00 DKK incl. 250,00 DKK VAT at 2026-03-02 09:00 UTC. */
export const requestStopBody = (orderId: string, purchaseKind: 'goods' | 'service' = 'goods') => ({
  orderId,
  merchantId: 'merchant-7',
  purchaseKind,
  currency: 'DKK',
  totalAmount: 125000,
  totalTaxAmount: 25000,
  requestedAt: '2026-03-02T09:00:00Z',
  riskNotes: ['RISK-NOTE-SECRET: device fingerprint seen on 14 orders'],
});

/** A link valid for a day after NOW. */
export const formPath = (
  orderId: string,
  secret = LINK_SECRET,
  expiresAt = NOW_SECONDS + 86_400,
): string => merchantFormPath(secret, orderId, expiresAt);

const connectionString = (): string => {
  const value = process.env['ORDER_LIABILITY_TEST_POSTGRES'];
  if (value === undefined || value === '')
    throw new Error(
      'ORDER_LIABILITY_TEST_POSTGRES is not set: run the tests through Jest (its global setup starts PostgreSQL).',
    );
  return value;
};

export interface TestService {
  readonly app: FastifyInstance;
  readonly store: PostgreSQLEventStore;
  /** Log lines the app wrote. */
  readonly logs: string[];
  readonly close: () => Promise<void>;
}

export const startTestService = async (
  options: {
    readonly policy?: PolicyOverride;
    readonly poolSize?: number;
    readonly onRoute?: (route: { readonly method: string; readonly url: string }) => void;
  } = {},
): Promise<TestService> => {
  const schema = `svc_${randomBytes(5).toString('hex')}`;
  const store = new PostgreSQLEventStore(connectionString(), {
    schema,
    poolSize: options.poolSize ?? 5,
  });
  await store.migrate();
  const logs: string[] = [];
  const app = await buildApp({
    store,
    linkSecret: LINK_SECRET,
    apiToken: API_TOKEN,
    webhookSecret: WEBHOOK_SECRET,
    publicUrl: PUBLIC_URL,
    now: () => NOW,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(options.onRoute === undefined ? {} : { onRoute: options.onRoute }),
    logger: { level: 'info', stream: { write: (line) => logs.push(line) } },
  });
  return {
    app,
    store,
    logs,
    close: async () => {
      await app.close();
      await store.close();
      const pool = new Pool({ connectionString: connectionString(), max: 1 });
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
};

/** The event types of a case's stream, in order. */
export const streamTypes = async (
  store: PostgreSQLEventStore,
  orderId: string,
): Promise<string[]> => {
  const types: string[] = [];
  for await (const event of store.readStream(`order-${orderId}`)) types.push(event.type);
  return types;
};
