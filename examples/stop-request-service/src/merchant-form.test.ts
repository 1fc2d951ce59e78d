import * as E from 'fp-ts/Either';
import { decide, fold, type Command } from '@order-liability/domain';
import type { LightMyRequestResponse } from 'fastify';
import {
  auth,
  formPath,
  LINK_SECRET,
  NOW_SECONDS,
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

const openCase = async (
  orderId: string,
  purchaseKind: 'goods' | 'service' = 'goods',
): Promise<void> => {
  const response = await service.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: auth,
    payload: requestStopBody(orderId, purchaseKind),
  });
  expect(response.statusCode).toBe(201);
};

const post = (path: string, fields: Record<string, string>): Promise<LightMyRequestResponse> =>
  service.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const unescape = (html: string): string =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The text of the element with this id, unescaped; undefined when absent. */
const textOf = (html: string, id: string): string | undefined => {
  const match = new RegExp(`id="${id}">([^<]*)<`).exec(html);
  return match?.[1] === undefined ? undefined : unescape(match[1]);
};

const twoParcels = {
  answer: 'shipped',
  carrier1: 'PostNord',
  trackingNumber1: '00370712345678',
  shippedAt1: '2026-03-01T14:30',
  amount1: '750,00',
  taxAmount1: '150,00',
  carrier2: 'GLS',
  trackingNumber2: 'GLS-99',
  shippedAt2: '2026-03-01T15:00',
  amount2: '500,00',
  taxAmount2: '100,00',
};

describe('the merchant form behind a signed link', () => {
  it('shows the merchant view: amount, status, the A-6 deadline, next steps and the answers a goods order allows', async () => {
    await openCase('FORM-1');
    const page = await service.app.inject({ method: 'GET', url: formPath('FORM-1') });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(textOf(page.body, 'status')).toBe('Waiting for your answer');
    expect(textOf(page.body, 'deadline')).toBe(
      'Please answer by 2026-03-03 09:00 UTC (24 hours after the stop request, A-6) for Klarna to keep the risk responsibility.',
    );
    expect(page.body).toContain('<dd>1.250,00 DKK</dd>');
    expect(page.body).toContain('value="stopped"');
    expect(page.body).toContain('value="shipped"');
    expect(page.body).toContain('value="shipped-without-tracking"');
    expect(page.body).not.toContain('value="service-not-interruptible"');
    expect(page.body).toMatch(/name="idempotencyKey" value="[0-9a-f-]{36}"/);
    // The FAQ's questions, answered on the page.
    expect([...page.body.matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1])).toEqual([
      'Why are we asked to stop the order?',
      'The order is a service, not goods. How do we answer?',
      'We stopped the delivery. What next?',
      'The order was already shipped. What now?',
      'What happens after we answered?',
      'Why is there a return line on our settlement report?',
    ]);
  });

  it('never shows the risk notes (SR-1), on the page or after an answer', async () => {
    await openCase('FORM-2');
    const page = await service.app.inject({ method: 'GET', url: formPath('FORM-2') });
    const answered = await post(formPath('FORM-2'), {
      idempotencyKey: 'form-2-key-1',
      answer: 'stopped',
      stoppedMethod: 'invoice-removed',
    });
    for (const body of [page.body, answered.body]) {
      expect(body).not.toContain('RISK-NOTE-SECRET');
      expect(body).not.toContain('fingerprint');
    }
  });

  it('offers a service order only "stopped" and "cannot be interrupted" (SR-4), and records the latter', async () => {
    await openCase('FORM-3', 'service');
    const page = await service.app.inject({ method: 'GET', url: formPath('FORM-3') });
    expect(page.body).toContain('value="stopped"');
    expect(page.body).toContain('value="service-not-interruptible"');
    expect(page.body).not.toContain('value="shipped"');
    const answered = await post(formPath('FORM-3'), {
      idempotencyKey: 'form-3-key-1',
      answer: 'service-not-interruptible',
    });
    expect(answered.statusCode).toBe(200);
    expect(textOf(answered.body, 'status')).toBe('Waiting for a possible dispute by the customer');
    expect(await streamTypes(service.store, 'FORM-3')).toEqual([
      'StopRequested',
      'ServiceCouldNotBeInterrupted',
    ]);
  });

  it('records "stopped" with its method and then shows the answer instead of the form', async () => {
    await openCase('FORM-4');
    const answered = await post(formPath('FORM-4'), {
      idempotencyKey: 'form-4-key-1',
      answer: 'stopped',
      stoppedMethod: 'returned-in-order-system',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain(
      '<p class="notice" role="status">Thank you: your answer is recorded.</p>',
    );
    expect(textOf(answered.body, 'status')).toBe('Stopped');
    expect(textOf(answered.body, 'liability')).toBe('No one: nothing is at stake');
    expect(answered.body).toContain(
      'Stopped at 2026-03-02 10:00 UTC: registered as returned in your order system.',
    );
    expect(answered.body).not.toContain('<form');
    expect(await streamTypes(service.store, 'FORM-4')).toEqual(['StopRequested', 'OrderStopped']);
    const again = await service.app.inject({ method: 'GET', url: formPath('FORM-4') });
    expect(again.body).not.toContain('<form');
    expect(again.body).not.toContain('id="deadline"');
  });

  it('records two parcels with carrier, tracking number and amounts, and a resubmission records nothing again', async () => {
    await openCase('FORM-5');
    const fields = { idempotencyKey: 'form-5-key-1', ...twoParcels };
    const first = await post(formPath('FORM-5'), fields);
    expect(first.statusCode).toBe(200);
    const recorded = [
      'StopRequested',
      'ShippedWithTracking',
      'RecallRequested',
      'ShippedWithTracking',
    ];
    expect(await streamTypes(service.store, 'FORM-5')).toEqual(recorded);
    expect(textOf(first.body, 'status')).toBe('Shipped');
    expect(textOf(first.body, 'liability')).toBe('Klarna');
    expect(first.body).toContain(
      'Parcel tracking number 00370712345678 with PostNord, shipped 2026-03-01 14:30 UTC, 750,00 DKK incl. 150,00 DKK VAT.',
    );
    expect(first.body).toContain(
      'Parcel tracking number GLS-99 with GLS, shipped 2026-03-01 15:00 UTC, 500,00 DKK incl. 100,00 DKK VAT.',
    );
    const second = await post(formPath('FORM-5'), fields);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(await streamTypes(service.store, 'FORM-5')).toEqual(recorded);
  });

  it('records a double click (two submissions at once) once', async () => {
    await openCase('FORM-6');
    const fields = { idempotencyKey: 'form-6-key-1', ...twoParcels };
    const [a, b] = await Promise.all([
      post(formPath('FORM-6'), fields),
      post(formPath('FORM-6'), fields),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await streamTypes(service.store, 'FORM-6')).toEqual([
      'StopRequested',
      'ShippedWithTracking',
      'RecallRequested',
      'ShippedWithTracking',
    ]);
  });

  it('records a shipment without tracking number, the whole order when no amount is given (SR-6)', async () => {
    await openCase('FORM-7');
    const answered = await post(formPath('FORM-7'), {
      idempotencyKey: 'form-7-key-1',
      answer: 'shipped-without-tracking',
      untrackedCarrier: 'Bring',
      untrackedShippedAt: '2026-03-01T08:00',
    });
    expect(answered.statusCode).toBe(200);
    expect(textOf(answered.body, 'liability')).toBe('You (the merchant)');
    expect(answered.body).toContain(
      'Parcel without a tracking number with Bring, shipped 2026-03-01 08:00 UTC, the whole order.',
    );
    expect(await streamTypes(service.store, 'FORM-7')).toEqual([
      'StopRequested',
      'ShippedWithoutTracking',
    ]);
  });
});

describe('the deadline and the next steps', () => {
  it('says when the answer was due once the 24 hours (A-6) have passed', async () => {
    const opened = await service.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: auth,
      payload: { ...requestStopBody('FORM-20'), requestedAt: '2026-02-28T08:00:00Z' },
    });
    expect(opened.statusCode).toBe(201);
    const page = await service.app.inject({ method: 'GET', url: formPath('FORM-20') });
    expect(textOf(page.body, 'deadline')).toBe(
      'The answer was due by 2026-03-01 08:00 UTC (24 hours after the stop request, A-6). You can still answer, but a late answer does not meet the policy requirements.',
    );
  });

  it("lists Klarna's request for information as the merchant's next step (A-7)", async () => {
    await openCase('FORM-21');
    await service.app.inject({
      method: 'POST',
      url: '/api/cases/FORM-21/information-requests',
      headers: auth,
      payload: { requestedAt: '2026-03-02T09:30:00Z', topic: 'proof of delivery' },
    });
    const page = await service.app.inject({ method: 'GET', url: formPath('FORM-21') });
    const steps = /<ul id="next-steps">(.*?)<\/ul>/s.exec(page.body)?.[1] ?? '';
    expect(steps).toContain(
      '<li>Send Klarna the information requested about proof of delivery by 2026-03-09T09:30:00.000Z, answering the e-mail (A-7)</li>',
    );
  });
});

describe('answers the form refuses, recording nothing', () => {
  it('shows what is missing beside each field and keeps what was typed (422)', async () => {
    await openCase('FORM-10');
    const response = await post(formPath('FORM-10'), {
      idempotencyKey: 'form-10-key-1',
      answer: 'shipped',
      carrier1: '',
      trackingNumber1: '<b>123</b>',
      shippedAt1: '1 March',
      amount1: '12,345',
      taxAmount1: '0',
    });
    expect(response.statusCode).toBe(422);
    expect(textOf(response.body, 'error-carrier1')).toBe('Enter the carrier (e.g. PostNord).');
    expect(textOf(response.body, 'error-shippedAt1')).toBe(
      'Enter the shipping time as a date and time, e.g. 2026-03-01 14:30 (UTC).',
    );
    expect(textOf(response.body, 'error-amount1')).toBe(
      "Enter the parcel's amount including VAT in DKK, e.g. 625,00.",
    );
    // What was typed comes back escaped.
    expect(response.body).toContain('name="trackingNumber1" value="&lt;b&gt;123&lt;/b&gt;"');
    expect(response.body).toContain('name="idempotencyKey" value="form-10-key-1"');
    expect(await streamTypes(service.store, 'FORM-10')).toEqual(['StopRequested']);
  });

  it('asks for the stop method, and for an answer at all', async () => {
    await openCase('FORM-11');
    const noMethod = await post(formPath('FORM-11'), {
      idempotencyKey: 'form-11-key-1',
      answer: 'stopped',
    });
    expect(noMethod.statusCode).toBe(422);
    expect(textOf(noMethod.body, 'error-stoppedMethod')).toBe(
      'Say how the order was stopped: invoice removed, or the whole order registered as returned.',
    );
    const noAnswer = await post(formPath('FORM-11'), { idempotencyKey: 'form-11-key-2' });
    expect(noAnswer.statusCode).toBe(422);
    expect(textOf(noAnswer.body, 'error-answer')).toBe('Choose one of the answers shown.');
    const notAllowed = await post(formPath('FORM-11'), {
      idempotencyKey: 'form-11-key-3',
      answer: 'service-not-interruptible',
    });
    expect(notAllowed.statusCode).toBe(422);
    expect(await streamTypes(service.store, 'FORM-11')).toEqual(['StopRequested']);
  });

  it("shows the domain's refusal beside the amount of the parcel that breaks it, and records neither parcel", async () => {
    await openCase('FORM-12');
    const fields = {
      ...twoParcels,
      idempotencyKey: 'form-12-key-1',
      amount1: '1.000,00',
      taxAmount1: '200,00',
      amount2: '500,00',
      taxAmount2: '100,00',
    };
    const response = await post(formPath('FORM-12'), fields);
    // The domain's own message for the second parcel after the first.
    const state = fold([
      { type: 'StopRequested', data: { ...requestStopBody('FORM-12'), riskNotes: [] } },
    ]);
    const first: Command = {
      type: 'ReportShipment',
      data: {
        orderId: 'FORM-12',
        carrier: 'PostNord',
        trackingNumber: '00370712345678',
        shippedAt: '2026-03-01T14:30:00Z',
        reportedAt: '2026-03-02T10:00:00.000Z',
        amount: 100000,
        taxAmount: 20000,
      },
    };
    const afterFirst = decide(first, state);
    if (E.isLeft(afterFirst)) throw new Error('the first parcel alone is valid');
    const refusal = decide(
      {
        type: 'ReportShipment',
        data: {
          ...first.data,
          carrier: 'GLS',
          trackingNumber: 'GLS-99',
          shippedAt: '2026-03-01T15:00:00Z',
          amount: 50000,
          taxAmount: 10000,
        },
      },
      fold(afterFirst.right, state),
    );
    if (E.isRight(refusal)) throw new Error('parcels over the order are refused');
    expect(refusal.left.code).toBe('INVALID_AMOUNT');
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body, 'error-amount2')).toBe(refusal.left.message);
    expect(textOf(response.body, 'error-amount1')).toBeUndefined();
    expect(await streamTypes(service.store, 'FORM-12')).toEqual(['StopRequested']);
  });

  it('asks for a reload when the idempotency key is missing (400)', async () => {
    await openCase('FORM-13');
    const response = await post(formPath('FORM-13'), {
      answer: 'stopped',
      stoppedMethod: 'invoice-removed',
    });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body, 'error-form')).toBe(
      'The form is incomplete. Reload the page and answer again.',
    );
    expect(await streamTypes(service.store, 'FORM-13')).toEqual(['StopRequested']);
  });
});

describe('a link that is not valid', () => {
  const refusedPage = (response: LightMyRequestResponse, orderId: string): void => {
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('<h1>This link is not valid</h1>');
    expect(response.body).not.toContain(orderId);
    expect(response.body).not.toContain('DKK');
  };

  beforeAll(async () => {
    await openCase('LINK-A');
    await openCase('LINK-B');
  });

  it.each([
    ['expired a second ago', () => formPath('LINK-A', LINK_SECRET, NOW_SECONDS - 1)],
    [
      'with its expiry altered',
      () => formPath('LINK-A').replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 1}`),
    ],
    [
      'with its signature altered',
      () => formPath('LINK-A').replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`),
    ],
    ['made for another case', () => formPath('LINK-B').replace('/cases/LINK-B/', '/cases/LINK-A/')],
    ['signed with another secret', () => formPath('LINK-A', `${LINK_SECRET}-other`)],
    ['without its query', () => '/cases/LINK-A/form'],
  ])('%s gets 403 and shows nothing of the case', async (_name, path) => {
    refusedPage(await service.app.inject({ method: 'GET', url: path() }), 'LINK-A');
    const posted = await post(path(), {
      idempotencyKey: 'link-a-key-1',
      answer: 'stopped',
      stoppedMethod: 'invoice-removed',
    });
    refusedPage(posted, 'LINK-A');
    expect(await streamTypes(service.store, 'LINK-A')).toEqual(['StopRequested']);
  });

  it('to a case that does not exist gets 404, even when signed', async () => {
    const response = await service.app.inject({ method: 'GET', url: formPath('NO-SUCH-CASE') });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<h1>No such case</h1>');
  });
});
