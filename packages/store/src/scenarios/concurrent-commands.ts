import * as E from 'fp-ts/Either';
import {
  assessLiability,
  type Command,
  decide,
  type Event,
  evolve,
  fold,
  initialState,
} from '@order-liability/domain';
import { handle, type HandleResult } from '../handler/handle';
import { isCommandRejectedError } from '../handler/command-rejected-error';
import type { EventStore, RecordedEvent } from '../port';
import { orderStreamName } from '../stream-name';

/** How the scenario went: counts, and every broken promise (each list empty when all is well). */
export interface ConcurrencyReport {
  readonly commands: number;
  readonly accepted: number;
  readonly refused: number;
  readonly failed: readonly string[];
  /** Accepted events missing from their stream, or stored more than once. */
  readonly notExactlyOnce: readonly string[];
  /** Stored events no accepted command appended. */
  readonly unaccounted: readonly string[];
  /** Orders with more than one SettlementBooked. */
  readonly bookedTwice: readonly string[];
  /** Orders whose stream differs from a serial replay of its accepted commands. */
  readonly differsFromSerialReplay: readonly string[];
  readonly settled: number;
}

const orderIdOf = (index: number, prefix: string): string => `${prefix}-${index}`;

const requestStop = (orderId: string): Command => ({
  type: 'RequestStop',
  data: {
    orderId,
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 100000,
    totalTaxAmount: 20000,
    requestedAt: '2026-03-02T09:00:00Z',
  },
});

// Ten commands on one order, in four waves whose commands may land in any order within the
// wave and are all accepted, except that only one of the two bookings can be (ALREADY_SETTLED).
const commandWaves = (orderId: string): Command[][] => [
  [
    {
      type: 'ReportShipment',
      data: {
        orderId,
        carrier: 'PostNord',
        trackingNumber: `${orderId}-A`,
        shippedAt: '2026-03-01T15:00:00Z',
        reportedAt: '2026-03-02T12:00:00Z',
        amount: 40000,
        taxAmount: 8000,
      },
    },
    {
      type: 'ReportShipment',
      data: {
        orderId,
        carrier: 'GLS',
        trackingNumber: `${orderId}-B`,
        shippedAt: '2026-03-01T15:00:00Z',
        reportedAt: '2026-03-02T13:00:00Z',
        amount: 30000,
        taxAmount: 6000,
      },
    },
    {
      type: 'ReportShipment',
      data: {
        orderId,
        carrier: 'Bring',
        shippedAt: '2026-03-01T16:00:00Z',
        reportedAt: '2026-03-02T14:00:00Z',
        amount: 30000,
        taxAmount: 6000,
      },
    },
    { type: 'RecordDispute', data: { orderId, disputedAt: '2026-03-10T08:00:00Z' } },
    {
      type: 'RequestInformation',
      data: { orderId, requestedAt: '2026-03-11T08:00:00Z', topic: 'proof of delivery' },
    },
  ],
  [
    {
      type: 'RegisterReturn',
      data: {
        orderId,
        trackingNumber: `${orderId}-B`,
        returnedAt: '2026-03-06T10:00:00Z',
        registeredIn: 'klarna-portal',
      },
    },
    { type: 'ProvideInformation', data: { orderId, providedAt: '2026-03-12T08:00:00Z' } },
  ],
  [
    {
      type: 'ConcludeInvestigation',
      data: { orderId, concludedAt: '2026-03-20T08:00:00Z', outcome: 'fraud' },
    },
  ],
  [
    { type: 'BookSettlement', data: { orderId, bookedAt: '2026-03-21T08:00:00Z' } },
    { type: 'BookSettlement', data: { orderId, bookedAt: '2026-03-21T09:00:00Z' } },
  ],
];

const readStream = async (store: EventStore, streamName: string): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamName)) events.push(event);
  return events;
};

// Key order is not part of an event (PostgreSQL's JSONB, for one, keeps its own), so events
// are compared as JSON with sorted keys.
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, inner]) => [key, canonical(inner)]),
        )
      : value;

const plain = (event: Event): string =>
  JSON.stringify(canonical({ type: event.type, data: event.data }));

// Replays commands one by one from the start of the case: a linearizable history of accepted
// commands gives the very same events. Undefined when the serial replay refuses one.
const serialReplay = (commands: readonly Command[]): Event[] | undefined => {
  let state = initialState;
  const events: Event[] = [];
  for (const command of commands) {
    const decided = decide(command, state);
    if (E.isLeft(decided)) return undefined;
    events.push(...decided.right);
    state = decided.right.reduce(evolve, state);
  }
  return events;
};

const byFirstRevision = (a: { result: HandleResult }, b: { result: HandleResult }): number =>
  Number((a.result.appended[0]?.revision ?? 0n) - (b.result.appended[0]?.revision ?? 0n));

/**
 * Runs 10 commands per order through `handle` on any store, all orders at once (after one stop
 * request per order), then checks what a money-booking library promises: every accepted
 * command's events stored exactly once, nothing stored that no command appended, no settlement
 * booked twice, and each stream equal to a serial replay of its accepted commands (SR-13).
 * `waves: true` sends the commands in four waves, so exactly which are accepted is known (one
 * booking per order is refused); `waves: false` sends all of them at once, in any order.
 */
export const runConcurrentCommands = async (
  store: EventStore,
  {
    orders = 20,
    prefix = 'race',
    retries = 60,
    waves = true,
  }: { orders?: number; prefix?: string; retries?: number; waves?: boolean } = {},
): Promise<ConcurrencyReport> => {
  const orderIds = Array.from({ length: orders }, (_, i) => orderIdOf(i + 1, prefix));
  const stops = await Promise.all(orderIds.map((orderId) => handle(store, requestStop(orderId))));
  const perOrder = orderIds.map((orderId) => commandWaves(orderId));
  const rounds: Command[][] = waves
    ? [0, 1, 2, 3].map((wave) => perOrder.flatMap((orderWaves) => orderWaves[wave] ?? []))
    : [perOrder.flat(2)];
  const accepted: { command: Command; result: HandleResult }[] = [];
  const failed: string[] = [];
  let refused = 0;
  let commandCount = 0;
  for (const commands of rounds) {
    commandCount += commands.length;
    const settled = await Promise.allSettled(
      commands.map((command) => handle(store, command, { retries, retryDelayMs: 5 })),
    );
    settled.forEach((outcome, i) => {
      const command = commands[i];
      if (command === undefined) return;
      if (outcome.status === 'fulfilled') accepted.push({ command, result: outcome.value });
      else if (isCommandRejectedError(outcome.reason)) refused += 1;
      else failed.push(`${command.type} ${command.data.orderId}: ${String(outcome.reason)}`);
    });
  }

  const notExactlyOnce: string[] = [];
  const unaccounted: string[] = [];
  const bookedTwice: string[] = [];
  const differsFromSerialReplay: string[] = [];
  let settledOrders = 0;
  for (const [index, orderId] of orderIds.entries()) {
    const stream = await readStream(store, orderStreamName(orderId));
    const mine = accepted.filter((a) => a.command.data.orderId === orderId);
    const appendedIds = [
      ...(stops[index]?.appended ?? []),
      ...mine.flatMap((a) => a.result.appended),
    ].map((event) => event.metadata.eventId);
    for (const id of appendedIds) {
      const copies = stream.filter((event) => event.metadata.eventId === id).length;
      if (copies !== 1) notExactlyOnce.push(`${orderId} ${id}: ${copies} copies`);
    }
    for (const event of stream)
      if (!appendedIds.includes(event.metadata.eventId))
        unaccounted.push(`${orderId} ${event.revision} ${event.type}`);
    const bookings = stream.filter((event) => event.type === 'SettlementBooked').length;
    if (bookings > 1) bookedTwice.push(`${orderId}: ${bookings}`);
    if (bookings === 1) settledOrders += 1;
    // Commands that appended nothing (none here) would not change the replay either.
    const replayed = serialReplay([
      requestStop(orderId),
      ...[...mine].sort(byFirstRevision).map((a) => a.command),
    ]);
    const same =
      replayed !== undefined &&
      JSON.stringify(stream.map(plain)) === JSON.stringify(replayed.map(plain)) &&
      JSON.stringify(assessLiability(fold(stream))) ===
        JSON.stringify(assessLiability(fold(replayed)));
    if (!same) differsFromSerialReplay.push(orderId);
  }
  return {
    commands: commandCount,
    accepted: accepted.length,
    refused,
    failed,
    notExactlyOnce,
    unaccounted,
    bookedTwice,
    differsFromSerialReplay,
    settled: settledOrders,
  };
};
