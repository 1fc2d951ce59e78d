import {
  API_TOKEN,
  auth,
  formPath,
  LINK_SECRET,
  requestStopBody,
  startTestService,
  type TestService,
  WEBHOOK_SECRET,
} from './test-support';

const routes: { method: string; url: string }[] = [];
let service: TestService;
beforeAll(async () => {
  service = await startTestService({ onRoute: (route) => routes.push(route) });
});
afterAll(async () => {
  await service.close();
});

/** Polls until `check` passes or 5 s went by (the projection follows the store). */
const eventually = async (check: () => Promise<void>): Promise<void> => {
  for (let waited = 0; ; waited += 25) {
    try {
      await check();
      return;
    } catch (error) {
      if (waited > 5_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
};

const post = (url: string, payload: object) =>
  service.app.inject({ method: 'POST', url, headers: auth, payload });

describe('GET /api/cases: the case list for Klarna staff', () => {
  it('shows status, liability, money at stake and the deadlines due, from the catch-up projection', async () => {
    await post('/api/cases', requestStopBody('LIST-1'));
    await post('/api/cases', { ...requestStopBody('LIST-2'), requestedAt: '2026-02-27T09:00:00Z' });
    await post('/api/cases/LIST-2/disputes', { disputedAt: '2026-03-01T09:00:00Z' });
    await post('/api/cases/LIST-2/information-requests', { requestedAt: '2026-03-01T10:00:00Z' });
    await post('/api/cases', requestStopBody('LIST-3'));
    await service.app.inject({
      method: 'POST',
      url: formPath('LIST-3'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        idempotencyKey: 'list-3-answer',
        answer: 'shipped',
        carrier1: 'GLS',
        trackingNumber1: 'GLS-1',
        shippedAt1: '2026-03-01T12:00',
        amount1: '500,00',
        taxAmount1: '100,00',
      }).toString(),
    });
    await eventually(async () => {
      const response = await service.app.inject({
        method: 'GET',
        url: '/api/cases',
        headers: auth,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        cases: [
          {
            orderId: 'LIST-1',
            merchantId: 'merchant-7',
            status: 'awaiting-merchant-response',
            liability: 'undetermined',
            currency: 'DKK',
            totalAmount: 125000,
            moneyAtStake: 125000,
            deadlines: [
              {
                kind: 'merchant-answer',
                rule: 'A-6',
                dueAt: '2026-03-03T09:00:00.000Z',
                overdue: false,
              },
            ],
          },
          {
            orderId: 'LIST-2',
            merchantId: 'merchant-7',
            status: 'under-investigation',
            liability: 'undetermined',
            currency: 'DKK',
            totalAmount: 125000,
            moneyAtStake: 125000,
            deadlines: [
              {
                kind: 'merchant-answer',
                rule: 'A-6',
                dueAt: '2026-02-28T09:00:00.000Z',
                overdue: true,
              },
              {
                kind: 'information',
                rule: 'A-7',
                dueAt: '2026-03-08T10:00:00.000Z',
                overdue: false,
              },
            ],
          },
          {
            orderId: 'LIST-3',
            merchantId: 'merchant-7',
            status: 'shipped',
            liability: 'klarna',
            currency: 'DKK',
            totalAmount: 125000,
            moneyAtStake: 50000,
            deadlines: [],
          },
        ],
      });
    });
  });
});

describe('operations endpoints', () => {
  it('GET /healthz is 200 once the projection has caught up', async () => {
    await eventually(async () => {
      const response = await service.app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', cases: 3 });
    });
  });

  it('GET /metrics is Prometheus text with requests by route and commands by outcome', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.body).toContain('# TYPE stop_request_http_requests_total counter');
    expect(response.body).toContain(
      'stop_request_http_requests_total{method="POST",route="/api/cases",status="201"} 3',
    );
    expect(response.body).toContain(
      'stop_request_commands_total{command="RequestStop",outcome="recorded"} 3',
    );
    expect(response.body).toContain(
      'stop_request_commands_total{command="ReportShipment",outcome="recorded"} 1',
    );
    expect(response.body).toContain('stop_request_cases 3');
  });
});

describe('GET /openapi.json', () => {
  const documented = async (): Promise<Set<string>> => {
    const response = await service.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const entries = (value: unknown): [string, unknown][] =>
      typeof value === 'object' && value !== null ? Object.entries(value) : [];
    const paths = entries(response.json()).find(([key]) => key === 'paths')?.[1];
    const described = new Set<string>();
    for (const [path, operations] of entries(paths))
      for (const [method] of entries(operations))
        described.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    return described;
  };

  it('describes every route but the merchant form, and nothing that is not a route', async () => {
    const served = new Set(
      routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`),
    );
    const described = await documented();
    expect([...served].filter((route) => !described.has(route)).sort()).toEqual([
      'GET /cases/:orderId/form',
      'POST /cases/:orderId/form',
    ]);
    expect([...described].filter((route) => !served.has(route))).toEqual([]);
    expect([...described].sort()).toEqual([
      'GET /api/cases',
      'GET /api/cases/:orderId',
      'GET /api/cases/:orderId/merchant-link',
      'GET /healthz',
      'GET /metrics',
      'GET /openapi.json',
      'POST /api/cases',
      'POST /api/cases/:orderId/conclusion',
      'POST /api/cases/:orderId/disputes',
      'POST /api/cases/:orderId/information-requests',
      'POST /api/cases/:orderId/overdue-invoices',
      'POST /api/cases/:orderId/settlement',
      'POST /webhooks/klarna/disputes',
    ]);
  });
});

describe('the logs', () => {
  it('never contain the secrets, the bearer token, a link signature or risk notes', async () => {
    const link = formPath('LIST-1');
    await service.app.inject({ method: 'GET', url: link });
    await service.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { authorization: 'Bearer wrong-token-RISKY' },
      payload: requestStopBody('LOG-1'),
    });
    const logs = service.logs.join('\n');
    expect(logs).toContain('"path":"/cases/LIST-1/form"');
    for (const secret of [
      API_TOKEN,
      LINK_SECRET,
      WEBHOOK_SECRET,
      'wrong-token-RISKY',
      'RISK-NOTE-SECRET',
      'sig=',
    ])
      expect(logs).not.toContain(secret);
  });
});
