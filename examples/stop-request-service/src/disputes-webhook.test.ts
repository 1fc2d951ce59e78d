import type { LightMyRequestResponse } from 'fastify';
import {
  auth,
  requestStopBody,
  startTestService,
  streamTypes,
  type TestService,
  WEBHOOK_SECRET,
} from './test-support';
import { signBody } from './webhook-signature';

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service.close();
});

const openCase = async (orderId: string): Promise<void> => {
  const response = await service.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: auth,
    payload: requestStopBody(orderId),
  });
  expect(response.statusCode).toBe(201);
};

const notification = (
  eventType: string,
  orderId: string,
  eventId: string,
  payload: Record<string, unknown> = {},
): string =>
  JSON.stringify({
    metadata: {
      event_type: eventType,
      event_id: eventId,
      event_version: 'v2',
      occurred_at: '2026-03-05T08:00:00Z',
    },
    payload: {
      payment_dispute_id: 'krn:payment:eu1:dispute:purchase-unauthorized:4711',
      purchase_reference: orderId,
      ...payload,
    },
  });

/** Delivers a notification signed with the webhook secret, another signature, or none (null). */
const deliver = (
  body: string,
  signature: string | null = signBody(WEBHOOK_SECRET, body),
): Promise<LightMyRequestResponse> =>
  service.app.inject({
    method: 'POST',
    url: '/webhooks/klarna/disputes',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'klarna-signature': signature }),
    },
    payload: body,
  });

describe("Klarna's dispute notifications", () => {
  it('a dispute created records Disputed; the same notification again records nothing', async () => {
    await openCase('HOOK-1');
    const body = notification('payment.dispute.state-change.initiated', 'HOOK-1', 'evt-1', {
      state: 'INITIATED',
    });
    const first = await deliver(body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      orderId: 'HOOK-1',
      duplicate: false,
      recorded: ['Disputed'],
      decision: { status: 'under-investigation' },
    });
    const again = await deliver(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, recorded: ['Disputed'] });
    expect(await streamTypes(service.store, 'HOOK-1')).toEqual(['StopRequested', 'Disputed']);
  });

  it('a v3 "pre-arbitration" without previous state is a new dispute; with one it is ignored (202)', async () => {
    await openCase('HOOK-2');
    const created = await deliver(
      notification('payment.dispute.state-change.pre-arbitration', 'HOOK-2', 'evt-2'),
    );
    expect(created.statusCode).toBe(200);
    const later = await deliver(
      notification('payment.dispute.state-change.pre-arbitration', 'HOOK-2', 'evt-3', {
        previous_state: 'REPRESENTMENT',
      }),
    );
    expect(later.statusCode).toBe(202);
    expect(later.json()).toEqual({ ignored: 'a preliminary decision, not a new dispute' });
    expect(await streamTypes(service.store, 'HOOK-2')).toEqual(['StopRequested', 'Disputed']);
  });

  it("merchant evidence requested records an information request naming Klarna's deadline", async () => {
    await openCase('HOOK-3');
    await deliver(notification('payment.dispute.state-change.initiated', 'HOOK-3', 'evt-4'));
    const response = await deliver(
      notification('payment.dispute.state-change.merchant-evidence-pending', 'HOOK-3', 'evt-5', {
        state: 'MERCHANT_EVIDENCE_PENDING',
        state_context: { evidence_response_deadline_at: '2026-03-12T08:00:00Z' },
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ recorded: ['InformationRequested'] });
    const events = [];
    for await (const event of service.store.readStream('order-HOOK-3')) events.push(event);
    expect(events[2]?.data).toEqual({
      orderId: 'HOOK-3',
      requestedAt: '2026-03-05T08:00:00Z',
      topic:
        'Klarna dispute krn:payment:eu1:dispute:purchase-unauthorized:4711: evidence requested by 2026-03-12T08:00:00Z',
    });
  });

  it.each([
    ['LOST', 'fraud', 'resolved-fraud'],
    ['WON', 'not-fraud', 'resolved-not-fraud'],
  ])('closed %s concludes the investigation as %s', async (outcome, concluded, status) => {
    const orderId = `HOOK-4-${outcome}`;
    await openCase(orderId);
    await deliver(
      notification('payment.dispute.state-change.initiated', orderId, `evt-6-${outcome}`),
    );
    const response = await deliver(
      notification('payment.dispute.state-change.closed', orderId, `evt-7-${outcome}`, {
        state: 'CLOSED',
        outcome,
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      recorded: ['InvestigationConcluded'],
      decision: { status },
    });
    const events = [];
    for await (const event of service.store.readStream(`order-${orderId}`)) events.push(event);
    expect(events[2]?.data).toEqual({
      orderId,
      concludedAt: '2026-03-05T08:00:00Z',
      outcome: concluded,
    });
  });

  it('acknowledges other event types and a closed dispute without outcome (202) and records nothing', async () => {
    await openCase('HOOK-5');
    const other = await deliver(notification('payment.dispute.updated', 'HOOK-5', 'evt-8'));
    expect(other.statusCode).toBe(202);
    expect(other.json()).toEqual({
      ignored: 'event type payment.dispute.updated needs nothing of this service',
    });
    const closed = await deliver(
      notification('payment.dispute.state-change.closed', 'HOOK-5', 'evt-9'),
    );
    expect(closed.statusCode).toBe(202);
    expect(await streamTypes(service.store, 'HOOK-5')).toEqual(['StopRequested']);
  });

  it('answers a dispute on an unknown case with 404 and a contradiction with 409', async () => {
    const unknown = await deliver(
      notification('payment.dispute.state-change.initiated', 'HOOK-NONE', 'evt-10'),
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'STOP_NOT_REQUESTED' });
    await openCase('HOOK-6');
    await deliver(
      notification('payment.dispute.state-change.closed', 'HOOK-6', 'evt-11', { outcome: 'WON' }),
    );
    const late = await deliver(
      notification('payment.dispute.state-change.closed', 'HOOK-6', 'evt-12', { outcome: 'LOST' }),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'ALREADY_CONCLUDED' });
  });
});

describe('verification before anything is acted on', () => {
  it.each([
    ['no signature', 'HOOK-7A', null],
    ['a signature with another secret', 'HOOK-7B', signBody(`${WEBHOOK_SECRET}-other`, '{}')],
    ['a signature that is not hex', 'HOOK-7C', 'not-a-signature'],
  ])(
    'refuses %s with 401 INVALID_SIGNATURE and records nothing',
    async (_name, orderId, signature) => {
      await openCase(orderId);
      const body = notification(
        'payment.dispute.state-change.initiated',
        orderId,
        `evt-${orderId}`,
      );
      const response = await deliver(body, signature);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        code: 'INVALID_SIGNATURE',
        message: 'The notification is not signed with the webhook secret.',
      });
      expect(await streamTypes(service.store, orderId)).toEqual(['StopRequested']);
    },
  );

  it('refuses a body altered after signing', async () => {
    await openCase('HOOK-8');
    const signed = notification('payment.dispute.state-change.initiated', 'HOOK-8', 'evt-14');
    const altered = signed.replace('2026-03-05T08:00:00Z', '2026-03-04T08:00:00Z');
    const response = await deliver(altered, signBody(WEBHOOK_SECRET, signed));
    expect(response.statusCode).toBe(401);
    expect(await streamTypes(service.store, 'HOOK-8')).toEqual(['StopRequested']);
  });

  it('answers a signed body that is not JSON, or not a notification, with 400 INVALID_COMMAND', async () => {
    const notJson = await deliver('{"metadata":');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toEqual({
      code: 'INVALID_COMMAND',
      message: 'The notification is not valid JSON.',
    });
    const notNotification = await deliver(JSON.stringify({ metadata: { event_type: 'x' } }));
    expect(notNotification.statusCode).toBe(400);
    expect(notNotification.json()).toMatchObject({ code: 'INVALID_COMMAND' });
  });
});
