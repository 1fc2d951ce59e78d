import { assessLiability, type Command, fold } from '@order-liability/domain';
import { handle, InMemoryEventStore, type RecordedEvent } from '@order-liability/store';
import type { LightMyRequestResponse } from 'fastify';
import {
  auth,
  formPath,
  NOW,
  requestStopBody,
  startTestService,
  type TestService,
} from './test-support';

// 10 cases, 5 requests each, all 50 sent at once against the embedded PostgreSQL server:
// the merchant's answer, the same answer again (a double click), a contradicting answer,
// Klarna's dispute and the same dispute again (a retried call).

const CASES = Array.from({ length: 10 }, (_, i) => `RACE-${String(i + 1).padStart(2, '0')}`);
const reportedAt = NOW.toISOString();

interface Submission {
  readonly orderId: string;
  /** The idempotency key of each command it would record, and the command. */
  readonly commands: readonly { readonly key: string; readonly command: Command }[];
  readonly send: (service: TestService) => Promise<LightMyRequestResponse>;
}

const postForm = (orderId: string, fields: Record<string, string>) => (service: TestService) =>
  service.app.inject({
    method: 'POST',
    url: formPath(orderId),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const shippedAnswer = (orderId: string, key: string): Submission => ({
  orderId,
  commands: [
    {
      key: `${key}/0`,
      command: {
        type: 'ReportShipment',
        data: {
          orderId,
          carrier: 'PostNord',
          trackingNumber: `${orderId}-P1`,
          shippedAt: '2026-03-01T14:30:00Z',
          reportedAt,
          amount: 75000,
          taxAmount: 15000,
        },
      },
    },
    {
      key: `${key}/1`,
      command: {
        type: 'ReportShipment',
        data: {
          orderId,
          carrier: 'GLS',
          trackingNumber: `${orderId}-P2`,
          shippedAt: '2026-03-01T15:00:00Z',
          reportedAt,
          amount: 50000,
          taxAmount: 10000,
        },
      },
    },
  ],
  send: postForm(orderId, {
    idempotencyKey: key,
    answer: 'shipped',
    carrier1: 'PostNord',
    trackingNumber1: `${orderId}-P1`,
    shippedAt1: '2026-03-01T14:30',
    amount1: '750,00',
    taxAmount1: '150,00',
    carrier2: 'GLS',
    trackingNumber2: `${orderId}-P2`,
    shippedAt2: '2026-03-01T15:00',
    amount2: '500,00',
    taxAmount2: '100,00',
  }),
});

const stoppedAnswer = (orderId: string, key: string): Submission => ({
  orderId,
  commands: [
    {
      key: `${key}/0`,
      command: {
        type: 'ConfirmStopped',
        data: { orderId, stoppedAt: reportedAt, method: 'invoice-removed' },
      },
    },
  ],
  send: postForm(orderId, {
    idempotencyKey: key,
    answer: 'stopped',
    stoppedMethod: 'invoice-removed',
  }),
});

const dispute = (orderId: string, key: string): Submission => ({
  orderId,
  commands: [
    {
      key,
      command: { type: 'RecordDispute', data: { orderId, disputedAt: '2026-03-02T11:00:00Z' } },
    },
  ],
  send: (service) =>
    service.app.inject({
      method: 'POST',
      url: `/api/cases/${orderId}/disputes`,
      headers: { ...auth, 'idempotency-key': key },
      payload: { disputedAt: '2026-03-02T11:00:00Z' },
    }),
});

const submissionsOf = (orderId: string, index: number): Submission[] => {
  const first =
    index % 2 === 0
      ? shippedAnswer(orderId, `${orderId}-a`)
      : stoppedAnswer(orderId, `${orderId}-a`);
  const other =
    index % 2 === 0
      ? stoppedAnswer(orderId, `${orderId}-b`)
      : shippedAnswer(orderId, `${orderId}-b`);
  return [first, first, other, dispute(orderId, `${orderId}-d`), dispute(orderId, `${orderId}-d`)];
};

const readStream = async (service: TestService, orderId: string): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of service.store.readStream(`order-${orderId}`)) events.push(event);
  return events;
};

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ poolSize: 10 });
});
afterAll(async () => {
  await service.close();
});

describe('50 concurrent form submissions and Klarna calls on 10 cases', () => {
  it('records every accepted answer once, and every stream equals a serial replay of what was accepted', async () => {
    for (const orderId of CASES) {
      const opened = await service.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: auth,
        payload: requestStopBody(orderId),
      });
      expect(opened.statusCode).toBe(201);
    }
    const submissions = CASES.flatMap(submissionsOf);
    expect(submissions).toHaveLength(50);
    const responses = await Promise.all(submissions.map((submission) => submission.send(service)));

    // Every request is answered: accepted, or refused with a code; never a server error.
    for (const response of responses) expect([200, 201, 409, 422]).toContain(response.statusCode);

    for (const [index, orderId] of CASES.entries()) {
      const statuses = responses
        .slice(index * 5, index * 5 + 5)
        .map((response) => response.statusCode);
      const events = await readStream(service, orderId);
      const keys = events.map((event) => event.metadata.idempotencyKey);
      const byKey = new Map(
        submissions
          .filter((s) => s.orderId === orderId)
          .flatMap((s) => s.commands.map((c) => [c.key, c.command] as const)),
      );
      // The merchant's two answers contradict each other: exactly one of them is recorded, whole.
      const answers = ['a', 'b'].filter((tag) =>
        keys.some((key) => key?.startsWith(`${orderId}-${tag}/`) === true),
      );
      expect([orderId, answers.length]).toEqual([orderId, 1]);
      // The recorded answer's page came back for both of its submissions; the other was refused.
      const [firstA, secondA, b, firstD, secondD] = statuses;
      if (answers[0] === 'a') {
        expect([orderId, firstA, secondA]).toEqual([orderId, 200, 200]);
        expect([409, 422]).toContain(b);
      } else {
        expect([orderId, b]).toEqual([orderId, 200]);
        expect([409, 422]).toContain(firstA);
        expect([409, 422]).toContain(secondA);
      }
      // Both dispute submissions succeed. A racing resubmission that read the stream before the
      // first was stored is recognised by the store through its deterministic event ids, so it
      // may answer 201 as well as 200 (duplicate); what counts is that it is recorded once.
      const disputes = [firstD, secondD];
      expect([disputes.includes(201), disputes.filter((s) => s !== 200 && s !== 201)]).toEqual([
        true,
        [],
      ]);
      // The dispute, sent twice with one key, is recorded once.
      expect(keys.filter((key) => key === `${orderId}-d`)).toHaveLength(1);
      // Each accepted command recorded once: its key appears on one run of consecutive events.
      const accepted: string[] = [];
      for (const key of keys) {
        if (key === undefined) continue;
        if (accepted[accepted.length - 1] !== key) {
          expect([orderId, key, accepted.includes(key)]).toEqual([orderId, key, false]);
          accepted.push(key);
        }
      }

      // Serial replay of the accepted commands, in the order they were recorded.
      const replayStore = new InMemoryEventStore();
      await handle(replayStore, { type: 'RequestStop', data: requestStopBody(orderId) });
      for (const key of accepted) {
        const command = byKey.get(key);
        if (command === undefined) throw new Error(`no command behind key ${key}`);
        await handle(replayStore, command, { idempotencyKey: key });
      }
      const replayed: RecordedEvent[] = [];
      for await (const event of replayStore.readStream(`order-${orderId}`)) replayed.push(event);
      const shape = (list: readonly RecordedEvent[]) =>
        list.map((event) => ({
          type: event.type,
          data: event.data,
          key: event.metadata.idempotencyKey,
        }));
      expect(shape(events)).toEqual(shape(replayed));
      expect(assessLiability(fold(events))).toEqual(assessLiability(fold(replayed)));
    }
  });
});
