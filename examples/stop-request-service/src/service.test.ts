import { randomBytes } from 'node:crypto';
import { Pool } from '@order-liability/postgresql';
import { loadConfig } from './config';
import { startService } from './service';
import { startEventStoreDBDouble } from './test-kits';
import { requestStopBody } from './test-support';

const env = {
  STOP_REQUEST_LINK_SECRET: 'l'.repeat(32),
  STOP_REQUEST_API_TOKEN: 't'.repeat(32),
  STOP_REQUEST_WEBHOOK_SECRET: 'w'.repeat(32),
  PORT: '0',
  LOG_LEVEL: 'silent',
};

/** Over real HTTP: opens a case, reads the link Klarna gets, opens the merchant's page. */
const openCaseOverHttp = async (
  url: string,
  orderId: string,
): Promise<{ page: string; link: string }> => {
  // Ready once the projection has caught up with the store.
  let health = await fetch(`${url}/healthz`);
  for (let waited = 0; health.status === 503 && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    health = await fetch(`${url}/healthz`);
  }
  expect(health.status).toBe(200);
  const created = await fetch(`${url}/api/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${'t'.repeat(32)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...requestStopBody(orderId), requestedAt: new Date().toISOString() }),
  });
  expect(created.status).toBe(201);
  const body: unknown = await created.json();
  const link =
    typeof body === 'object' &&
    body !== null &&
    'merchantLink' in body &&
    typeof body.merchantLink === 'object'
      ? String(Object.entries(body.merchantLink ?? {}).find(([key]) => key === 'url')?.[1])
      : '';
  const page = await fetch(link);
  expect(page.status).toBe(200);
  return { page: await page.text(), link };
};

describe('the service started from its configuration', () => {
  it('runs on a PostgreSQL server given by connection string, in its own schema', async () => {
    const connectionString = process.env['ORDER_LIABILITY_TEST_POSTGRES'] ?? '';
    const schema = `svc_start_${randomBytes(4).toString('hex')}`;
    const service = await startService(
      loadConfig({
        ...env,
        STOP_REQUEST_STORE_URL: connectionString,
        STOP_REQUEST_POSTGRES_SCHEMA: schema,
      }),
    );
    const pool = new Pool({ connectionString, max: 1 });
    try {
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(service.storeDescription).toMatch(
        /^PostgreSQL at postgresql:\/\/127\.0\.0\.1:\d+\/postgres$/,
      );
      const { page, link } = await openCaseOverHttp(service.url, 'START-PG');
      expect(link.startsWith(`${service.url}/cases/START-PG/form?exp=`)).toBe(true);
      expect(page).toContain('<h1>Stop request for order START-PG</h1>');
      const rows = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".messages`);
      expect(rows.rows).toEqual([{ n: 1 }]);
    } finally {
      await service.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });

  it('runs on EventStoreDB given by an esdb:// (or kurrentdb://) connection string', async () => {
    const server = await startEventStoreDBDouble();
    const service = await startService(
      loadConfig({
        ...env,
        STOP_REQUEST_STORE_URL: server.connectionString.replace(/^esdb:/, 'kurrentdb:'),
      }),
    );
    try {
      expect(service.storeDescription).toMatch(/^EventStoreDB at esdb:\/\/127\.0\.0\.1:\d+$/);
      const { page } = await openCaseOverHttp(service.url, 'START-ESDB');
      expect(page).toContain('<h1>Stop request for order START-ESDB</h1>');
    } finally {
      await service.close();
      await server.stop();
    }
  });
});
