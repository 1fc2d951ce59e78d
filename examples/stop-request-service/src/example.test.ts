import { randomBytes } from 'node:crypto';
import { Pool } from '@order-liability/postgresql';
import { runServiceExample } from './example';

describe('pnpm example service --once', () => {
  it('starts the service, opens a demo case, prints the merchant link, checks the page and stops', async () => {
    const connectionString = process.env['ORDER_LIABILITY_TEST_POSTGRES'] ?? '';
    const schema = `svc_example_${randomBytes(4).toString('hex')}`;
    const lines: string[] = [];
    try {
      await runServiceExample((line) => lines.push(line), {
        once: true,
        env: { STOP_REQUEST_STORE_URL: connectionString, STOP_REQUEST_POSTGRES_SCHEMA: schema },
      });
    } finally {
      const pool = new Pool({ connectionString, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
    const url = /^Stop-request service listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(
      lines[0] ?? '',
    )?.[1];
    expect(url).toBeDefined();
    expect(lines[2]).toBe(
      'Demo secrets generated for this run: STOP_REQUEST_LINK_SECRET, STOP_REQUEST_API_TOKEN, STOP_REQUEST_WEBHOOK_SECRET.',
    );
    expect(lines[3]).toMatch(
      /^Demo case DK-DEMO-[0-9a-f]{6}: stop requested at .+ \(HTTP 201\)\.$/,
    );
    expect(lines[4]).toMatch(
      new RegExp(
        `^Merchant's signed link: ${url ?? ''}/cases/DK-DEMO-[0-9a-f]{6}/form\\?exp=\\d+&sig=[\\w-]{43}$`,
      ),
    );
    expect(lines[lines.length - 1]).toMatch(
      /^Merchant page: HTTP 200, Stop request for order DK-DEMO-[0-9a-f]{6}$/,
    );
  });
});
