// `pnpm example service [--once]`: the service on an embedded PostgreSQL (or the store of
// STOP_REQUEST_STORE_URL), with one demo case opened through the API; prints the URL, the
// merchant's signed link and a call to try. Runs until Ctrl-C; with --once it opens the
// merchant's page once over HTTP, prints its status and stops.
import { randomBytes } from 'node:crypto';
import { loadConfig } from './config';
import { startService } from './service';

export interface ServiceExampleOptions {
  /** Stop after checking the merchant's page once (for scripts and tests). */
  readonly once?: boolean;
  /** The environment to configure from; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const DEMO_SECRETS = [
  'STOP_REQUEST_LINK_SECRET',
  'STOP_REQUEST_API_TOKEN',
  'STOP_REQUEST_WEBHOOK_SECRET',
];

export const runServiceExample = async (
  log: (line: string) => void,
  options: ServiceExampleOptions = { once: process.argv.includes('--once') },
): Promise<void> => {
  const given = options.env ?? process.env;
  const generated = DEMO_SECRETS.filter((name) => (given[name] ?? '') === '');
  const env = {
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...given,
    ...Object.fromEntries(generated.map((name) => [name, randomBytes(24).toString('hex')])),
  };
  const config = loadConfig(env);
  const service = await startService(config);
  try {
    log(`Stop-request service listening on ${service.url}`);
    log(`Store: ${service.storeDescription}`);
    if (generated.length > 0) log(`Demo secrets generated for this run: ${generated.join(', ')}.`);
    const orderId = `DK-DEMO-${randomBytes(3).toString('hex')}`;
    const requestedAt = new Date().toISOString();
    const created = await fetch(`${service.url}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        orderId,
        merchantId: 'merchant-demo',
        purchaseKind: 'goods',
        currency: 'DKK',
        totalAmount: 125000,
        totalTaxAmount: 25000,
        requestedAt,
        riskNotes: ['demo: never shown to the merchant'],
      }),
    });
    const body: unknown = await created.json();
    const link = linkOf(body);
    log(`Demo case ${orderId}: stop requested at ${requestedAt} (HTTP ${created.status}).`);
    log(`Merchant's signed link: ${link}`);
    log(
      `Klarna's case list: curl -H 'Authorization: Bearer ${config.apiToken}' ${service.url}/api/cases`,
    );
    log(
      `OpenAPI: ${service.url}/openapi.json   Health: ${service.url}/healthz   Metrics: ${service.url}/metrics`,
    );
    if (options.once === true) {
      const page = await fetch(link);
      const html = await page.text();
      log(
        `Merchant page: HTTP ${page.status}, ${/<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? 'no heading'}`,
      );
      return;
    }
    log('Press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } finally {
    await service.close();
  }
};

/** The merchant link in the API's answer to RequestStop. */
const linkOf = (body: unknown): string => {
  if (typeof body !== 'object' || body === null || !('merchantLink' in body)) return '';
  const link: unknown = body.merchantLink;
  if (typeof link !== 'object' || link === null || !('url' in link)) return '';
  return typeof link.url === 'string' ? link.url : '';
};
