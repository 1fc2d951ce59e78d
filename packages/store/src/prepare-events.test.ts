import { EventStoreError } from './errors';
import type { NewEvent } from './port';
import { prepareEvents } from './prepare-events';

const now = () => new Date('2026-03-02T09:00:05.123Z');
const EVENT_ID = '0b5f5c3e-2a0e-4c7e-9f55-3c1f0c2b8e11';
const disputed = {
  type: 'Disputed',
  data: { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' },
};

const refusal = (events: unknown): unknown => {
  try {
    // Deliberately untyped input, as plain JavaScript would pass it.
    Reflect.apply(prepareEvents, undefined, ['order-4711', events, now]);
  } catch (error) {
    return error instanceof EventStoreError
      ? {
          code: error.code,
          streamId: error.streamId,
          revision: error.revision,
          message: error.message,
        }
      : error;
  }
  return 'accepted';
};

describe('prepareEvents', () => {
  it('given an event with metadata, then it keeps the given fields and stamps recordedAt from the clock', () => {
    const events: NewEvent[] = [
      {
        ...disputed,
        metadata: {
          eventId: EVENT_ID.toUpperCase(),
          correlationId: 'c-1',
          causationId: 'k-1',
          idempotencyKey: 'form-1',
        },
      },
    ];

    expect(prepareEvents('order-4711', events, now)).toEqual([
      {
        type: 'Disputed',
        data: { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z' },
        metadata: {
          eventId: EVENT_ID,
          correlationId: 'c-1',
          causationId: 'k-1',
          idempotencyKey: 'form-1',
          recordedAt: '2026-03-02T09:00:05.123Z',
          schemaVersion: 1,
        },
      },
    ]);
  });

  it('given events without metadata, then each gets its own UUID and schemaVersion 1, and unknown data fields are dropped', () => {
    const prepared = prepareEvents(
      'order-4711',
      [{ ...disputed, data: { ...disputed.data, channel: 'phone' } }, disputed],
      now,
    );

    expect(prepared.map((event) => event.data)).toEqual([disputed.data, disputed.data]);
    expect(prepared.map((event) => Object.keys(event.metadata).sort())).toEqual([
      ['eventId', 'recordedAt', 'schemaVersion'],
      ['eventId', 'recordedAt', 'schemaVersion'],
    ]);
    expect(prepared.map((event) => /^[0-9a-f-]{36}$/.test(event.metadata.eventId))).toEqual([
      true,
      true,
    ]);
    expect(prepared[0]?.metadata.eventId).not.toBe(prepared[1]?.metadata.eventId);
  });

  it('given a schema-0 ShippedWithTracking, then it is checked after upcasting but stored with its original data', () => {
    const data = {
      orderId: '4711',
      carrier: 'PostNord',
      trackingNo: 'PN-1',
      shippedAt: '2026-03-01T15:00:00Z',
      reportedAt: '2026-03-02T12:00:00Z',
    };

    expect(
      prepareEvents(
        'order-4711',
        [{ type: 'ShippedWithTracking', data, metadata: { schemaVersion: 0 } }],
        now,
      ).map((event) => [event.data, event.metadata.schemaVersion]),
    ).toEqual([[data, 0]]);
  });

  const refusals: readonly [string, unknown, string][] = [
    [
      'no list',
      undefined,
      'an append needs a non-empty list of events { type, data, metadata? }, got nothing',
    ],
    [
      'an empty list',
      [],
      'an append needs a non-empty list of events { type, data, metadata? }, got []',
    ],
    [
      'a list holding null',
      [disputed, null],
      'event 1 of the append: expected an event { type, data, metadata? }, got null',
    ],
    [
      'an event without a type',
      [{ data: {} }],
      'event 0 of the append: type: expected an event type, got nothing',
    ],
    [
      'an event of an unknown type',
      [{ type: 'Teleported', data: {} }],
      'event 0 of the append: Teleported type: expected one of StopRequested, OrderStopped, ServiceCouldNotBeInterrupted, ShippedWithTracking, ShippedWithoutTracking, RecallRequested, Returned, Disputed, InvoiceOverdue, InformationRequested, InformationProvided, InvestigationConcluded, SettlementBooked, got "Teleported"',
    ],
    [
      'metadata that is not an object',
      [{ ...disputed, metadata: 'urgent' }],
      'event 0 of the append: Disputed metadata: expected an object or nothing, got "urgent"',
    ],
    [
      'a correlationId that is not a text',
      [{ ...disputed, metadata: { correlationId: 7 } }],
      'event 0 of the append: Disputed metadata.correlationId: expected a text, got 7',
    ],
    [
      'a fractional schemaVersion',
      [{ ...disputed, metadata: { schemaVersion: 0.5 } }],
      'event 0 of the append: Disputed metadata.schemaVersion: expected a schema version, a whole number from 0 to 1, got 0.5',
    ],
    [
      'an eventId given twice',
      [
        { ...disputed, metadata: { eventId: EVENT_ID } },
        { ...disputed, metadata: { eventId: EVENT_ID.toUpperCase() } },
      ],
      `eventId ${EVENT_ID} is given to more than one event of the append; every event needs its own`,
    ],
    [
      'old-schema data that is not JSON',
      [
        {
          type: 'Disputed',
          data: { orderId: '4711', disputedAt: '2026-03-10T08:30:00Z', size: 1n },
          metadata: { schemaVersion: 0 },
        },
      ],
      'event 0 of the append: Disputed data: expected JSON data (Do not know how to serialize a BigInt)',
    ],
  ];
  for (const [what, events, reason] of refusals)
    it(`given ${what}, then it throws INVALID_EVENT naming the stream and the reason`, () => {
      expect(refusal(events)).toEqual({
        code: 'INVALID_EVENT',
        streamId: 'order-4711',
        revision: undefined,
        message: `Invalid event in stream order-4711: ${reason}`,
      });
    });
});
