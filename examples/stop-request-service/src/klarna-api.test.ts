import type { LightMyRequestResponse } from 'fastify';
import { signLink } from './signed-link';
import {
  auth,
  LINK_SECRET,
  NOW_SECONDS,
  PUBLIC_URL,
  requestStopBody,
  startTestService,
  streamTypes,
  type TestService,
} from './test-support';

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service.close();
});

const api = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object | string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> =>
  service.app.inject({
    method,
    url,
    headers: { ...auth, ...headers },
    ...(payload === undefined ? {} : { payload }),
  });

const openCase = async (orderId: string): Promise<void> => {
  expect((await api('POST', '/api/cases', requestStopBody(orderId))).statusCode).toBe(201);
};

const shipWholeOrder = async (orderId: string): Promise<void> => {
  // The merchant's answer comes through the form; here straight through the form route.
  const { exp, sig } = signLink(LINK_SECRET, orderId, NOW_SECONDS + 3600);
  const response = await service.app.inject({
    method: 'POST',
    url: `/cases/${orderId}/form?exp=${exp}&sig=${sig}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      idempotencyKey: `${orderId}-answer`,
      answer: 'shipped',
      carrier1: 'PostNord',
      trackingNumber1: `${orderId}-T1`,
      shippedAt1: '2026-03-01T14:30',
    }).toString(),
  });
  expect(response.statusCode).toBe(200);
};

describe('POST /api/cases (RequestStop)', () => {
  it('opens the case (201) and returns the decision and a signed merchant link', async () => {
    const response = await api('POST', '/api/cases', requestStopBody('API-1'));
    expect(response.statusCode).toBe(201);
    const expiresAt = NOW_SECONDS + 14 * 24 * 3600;
    const { sig } = signLink(LINK_SECRET, 'API-1', expiresAt);
    expect(response.json()).toEqual({
      orderId: 'API-1',
      duplicate: false,
      recorded: ['StopRequested'],
      decision: {
        orderId: 'API-1',
        liability: 'undetermined',
        status: 'awaiting-merchant-response',
        settlementLines: [],
        exposure: [],
        reasons: ['SR-2'],
        nextSteps: [
          {
            actor: 'merchant',
            action:
              'Answer the stop request form within 24 hours of the stop request: confirm the order was stopped (invoice removed or whole order registered as returned), or report carrier and tracking number of every shipped parcel',
            rule: 'SR-2',
          },
          {
            actor: 'customer',
            action: 'Ask Klarna customer service, not the merchant, about the order',
            rule: 'SR-1',
          },
        ],
      },
      merchantLink: {
        url: `${PUBLIC_URL}/cases/API-1/form?exp=${expiresAt}&sig=${sig}`,
        expiresAt: '2026-03-16T10:00:00.000Z',
      },
    });
  });

  it('answers a repeat with the same Idempotency-Key with the first outcome (200) and records nothing', async () => {
    const first = await api('POST', '/api/cases', requestStopBody('API-2'), {
      'idempotency-key': 'req-api-2',
    });
    const again = await api('POST', '/api/cases', requestStopBody('API-2'), {
      'idempotency-key': 'req-api-2',
    });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json()).toMatchObject({
      orderId: 'API-2',
      duplicate: true,
      recorded: ['StopRequested'],
    });
    expect(await streamTypes(service.store, 'API-2')).toEqual(['StopRequested']);
  });

  it("refuses a second stop request without the key: 409 with the domain's code", async () => {
    await openCase('API-3');
    const again = await api('POST', '/api/cases', requestStopBody('API-3'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'STOP_ALREADY_REQUESTED',
      message:
        "A stop was already requested for order API-3 at 2026-03-02T09:00:00Z. Send the merchant's answer instead.",
    });
  });

  it.each([
    ['a body that is not JSON', '{"orderId":', 'application/json'],
    ['an empty body', '', 'application/json'],
  ])('answers %s with 400 INVALID_COMMAND', async (_name, payload, type) => {
    const response = await api('POST', '/api/cases', payload, { 'content-type': type });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND' });
  });

  it.each([
    [
      'a missing field',
      { totalAmount: undefined },
      "body must have required property 'totalAmount'",
    ],
    ['an amount as text', { totalAmount: '125000' }, 'body/totalAmount must be integer'],
    ['a decimal amount', { totalAmount: 1250.5 }, 'body/totalAmount must be integer'],
    ['a negative amount', { totalTaxAmount: -1 }, 'body/totalTaxAmount must be >= 0'],
    [
      'an unknown purchase kind',
      { purchaseKind: 'gift' },
      'body/purchaseKind must be equal to one of the allowed values',
    ],
  ])('answers %s with 400 INVALID_COMMAND naming it', async (_name, change, message) => {
    const response = await api('POST', '/api/cases', { ...requestStopBody('API-4'), ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'INVALID_COMMAND',
      message: `The request is not valid: ${message}.`,
    });
    expect((await api('GET', '/api/cases/API-4')).statusCode).toBe(404);
  });

  it("answers what only the domain's codecs catch (a date not on the calendar, tax above the total) with 400 and its code", async () => {
    const badDate = await api('POST', '/api/cases', {
      ...requestStopBody('API-5'),
      requestedAt: '2026-02-30T09:00:00Z',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({ code: 'INVALID_COMMAND' });
    const badTax = await api('POST', '/api/cases', {
      ...requestStopBody('API-5'),
      totalTaxAmount: 200000,
    });
    expect(badTax.statusCode).toBe(400);
    expect(badTax.json()).toMatchObject({ code: 'INVALID_AMOUNT' });
    expect((await api('GET', '/api/cases/API-5')).statusCode).toBe(404);
  });
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
  ])('refuses %s with 401 UNAUTHORIZED on every API route', async (_name, headers) => {
    for (const [method, url] of [
      ['POST', '/api/cases'],
      ['GET', '/api/cases'],
      ['GET', '/api/cases/API-1'],
      ['GET', '/api/cases/API-1/merchant-link'],
      ['POST', '/api/cases/API-1/disputes'],
      ['POST', '/api/cases/API-1/overdue-invoices'],
      ['POST', '/api/cases/API-1/information-requests'],
      ['POST', '/api/cases/API-1/conclusion'],
      ['POST', '/api/cases/API-1/settlement'],
    ] as const) {
      const response = await service.app.inject({
        method,
        url,
        headers,
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect([url, response.statusCode]).toEqual([url, 401]);
      expect(response.json()).toEqual({
        code: 'UNAUTHORIZED',
        message: 'Send the API token as "Authorization: Bearer <token>".',
      });
    }
  });
});

describe("a case's life through the API", () => {
  it('dispute, information request, conclusion and settlement; each contradiction 409', async () => {
    await openCase('API-10');
    await shipWholeOrder('API-10');
    const disputed = await api('POST', '/api/cases/API-10/disputes', {
      disputedAt: '2026-03-05T08:00:00Z',
    });
    expect(disputed.statusCode).toBe(201);
    expect(disputed.json()).toMatchObject({
      recorded: ['Disputed'],
      decision: { status: 'under-investigation' },
    });

    const info = await api('POST', '/api/cases/API-10/information-requests', {
      requestedAt: '2026-03-05T09:00:00Z',
      topic: 'proof of delivery',
    });
    expect(info.statusCode).toBe(201);
    expect(info.json()).toMatchObject({ recorded: ['InformationRequested'] });

    const early = await api('POST', '/api/cases/API-10/settlement', {
      bookedAt: '2026-03-06T08:00:00Z',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'NOT_CONCLUDED' });

    const concluded = await api('POST', '/api/cases/API-10/conclusion', {
      concludedAt: '2026-03-08T09:00:00Z',
      outcome: 'fraud',
    });
    expect(concluded.statusCode).toBe(201);
    expect(concluded.json()).toMatchObject({
      recorded: ['InvestigationConcluded'],
      decision: { status: 'resolved-fraud' },
    });

    const twice = await api('POST', '/api/cases/API-10/conclusion', {
      concludedAt: '2026-03-08T10:00:00Z',
      outcome: 'not-fraud',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'ALREADY_CONCLUDED' });

    const booked = await api('POST', '/api/cases/API-10/settlement', {
      bookedAt: '2026-03-09T08:00:00Z',
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({
      recorded: ['SettlementBooked'],
      decision: {
        status: 'settled',
        liability: 'klarna',
        settlementLines: [
          {
            kind: 'fraud-return',
            label: 'Returnering (bedrageri)',
            amount: -125000,
            currency: 'DKK',
          },
          { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 100000, currency: 'DKK' },
        ],
      },
    });
    const again = await api('POST', '/api/cases/API-10/settlement', {
      bookedAt: '2026-03-09T09:00:00Z',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_SETTLED' });

    expect(await streamTypes(service.store, 'API-10')).toEqual([
      'StopRequested',
      'ShippedWithTracking',
      'RecallRequested',
      'Disputed',
      'InformationRequested',
      'InvestigationConcluded',
      'SettlementBooked',
    ]);
  });

  it('records an overdue invoice (SR-12)', async () => {
    await openCase('API-11');
    const overdue = await api('POST', '/api/cases/API-11/overdue-invoices', {
      observedAt: '2026-04-01T08:00:00Z',
    });
    expect(overdue.statusCode).toBe(201);
    expect(overdue.json()).toMatchObject({
      recorded: ['InvoiceOverdue'],
      decision: { status: 'under-investigation' },
    });
  });

  it.each([
    ['disputes', { disputedAt: '2026-03-05T08:00:00Z' }],
    ['overdue-invoices', { observedAt: '2026-03-05T08:00:00Z' }],
    ['information-requests', { requestedAt: '2026-03-05T08:00:00Z' }],
    ['conclusion', { concludedAt: '2026-03-05T08:00:00Z', outcome: 'fraud' }],
    ['settlement', { bookedAt: '2026-03-05T08:00:00Z' }],
  ])('answers %s on an unknown case with 404 STOP_NOT_REQUESTED', async (path, body) => {
    const response = await api('POST', `/api/cases/NO-CASE/${path}`, body);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'STOP_NOT_REQUESTED' });
    expect((await api('GET', '/api/cases/NO-CASE')).statusCode).toBe(404);
  });

  it.each([
    ['disputes', {}],
    ['disputes', { disputedAt: 20260305 }],
    ['conclusion', { concludedAt: '2026-03-05T08:00:00Z', outcome: 'maybe' }],
    ['information-requests', { requestedAt: '2026-03-05T08:00:00Z', topic: '' }],
    ['settlement', { bookedAt: 'yesterday' }],
  ])('answers a malformed %s body with 400 INVALID_COMMAND', async (path, body) => {
    // API-1 exists: the body alone is wrong.
    const response = await api('POST', `/api/cases/API-1/${path}`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND' });
  });
});

describe('reading cases', () => {
  it("GET /api/cases/:orderId shows the case as Klarna sees it, risk notes included (Klarna's own)", async () => {
    await openCase('API-20');
    const response = await api('GET', '/api/cases/API-20');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      stop: { ...requestStopBody('API-20') },
      events: 1,
      decision: { orderId: 'API-20', status: 'awaiting-merchant-response' },
    });
  });

  it('GET /api/cases/:orderId/merchant-link signs a fresh link; 404 for an unknown case', async () => {
    await openCase('API-21');
    const response = await api('GET', '/api/cases/API-21/merchant-link');
    expect(response.statusCode).toBe(200);
    const expiresAt = NOW_SECONDS + 14 * 24 * 3600;
    expect(response.json()).toEqual({
      url: `${PUBLIC_URL}/cases/API-21/form?exp=${expiresAt}&sig=${signLink(LINK_SECRET, 'API-21', expiresAt).sig}`,
      expiresAt: '2026-03-16T10:00:00.000Z',
    });
    expect((await api('GET', '/api/cases/NO-CASE/merchant-link')).statusCode).toBe(404);
  });
});

describe('requests the service cannot read', () => {
  it('answers an order id no case can have (a NUL) with 404, or 400 for a command', async () => {
    expect((await api('GET', '/api/cases/A%00B')).statusCode).toBe(404);
    expect((await api('GET', '/api/cases/A%00B/merchant-link')).statusCode).toBe(404);
    const command = await api('POST', '/api/cases/A%00B/disputes', {
      disputedAt: '2026-03-05T08:00:00Z',
    });
    expect(command.statusCode).toBe(400);
    expect(command.json()).toMatchObject({ code: 'INVALID_COMMAND' });
  });

  it('answers another media type with 415', async () => {
    const response = await api('POST', '/api/cases', '<orderId>1</orderId>', {
      'content-type': 'application/xml',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await api('POST', '/api/cases', {
      ...requestStopBody('API-30'),
      riskNotes: ['x'.repeat(70_000)],
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const response = await api('GET', '/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: 'No such route.' });
  });
});
