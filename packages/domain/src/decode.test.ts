import * as E from 'fp-ts/Either';
import { settlementBooked, shippedWithTracking, stopRequested } from './__fixtures__/orders';
import { decodeCommand, decodeEvent } from './decode';
import { decodePolicy } from './policy';

const messageOf = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : 'decoded';

describe('decodeEvent', () => {
  it('decodes every field of a valid event', () => {
    expect(decodeEvent(JSON.parse(JSON.stringify(stopRequested())))).toEqual(
      E.right(stopRequested()),
    );
  });

  it('drops unknown fields, at the top and in data', () => {
    const input = {
      ...shippedWithTracking(),
      metadata: { x: 1 },
      data: { ...shippedWithTracking().data, extra: true },
    };
    expect(decodeEvent(input)).toEqual(E.right(shippedWithTracking()));
  });

  it('names an unknown type and lists the known ones', () => {
    expect(messageOf(decodeEvent({ type: 'Teleported', data: {} }))).toBe(
      'type: expected one of StopRequested, OrderStopped, ServiceCouldNotBeInterrupted, ShippedWithTracking, ShippedWithoutTracking, RecallRequested, Returned, Disputed, InvoiceOverdue, InformationRequested, InformationProvided, InvestigationConcluded, SettlementBooked, got "Teleported"',
    );
  });

  it('refuses a value that is not an object', () => {
    expect(messageOf(decodeEvent('StopRequested'))).toBe(
      'value: expected an event { type, data }, got "StopRequested"',
    );
  });

  it('gives a path and a reason for every wrong field', () => {
    const input = {
      type: 'StopRequested',
      data: { ...stopRequested().data, totalAmount: -5, currency: 'dkk', merchantId: undefined },
    };
    expect(messageOf(decodeEvent(input))).toBe(
      'data.merchantId: expected a non-empty id of at most 128 characters, got nothing; ' +
        'data.currency: expected an ISO 4217 currency code such as DKK, got "dkk"; ' +
        'data.totalAmount: expected a non-negative whole amount in minor units (a safe integer, no decimals), got -5',
    );
  });

  it.each([
    ['a day that is not on the calendar', '2026-02-30T10:00:00Z'],
    ['a time zone offset instead of UTC', '2026-03-02T10:00:00+01:00'],
    ['a date without a time', '2026-03-02'],
    ['hour 24', '2026-03-02T24:00:00Z'],
    ['a leap second', '2026-03-02T23:59:60Z'],
    ['a year before 1970', '0050-03-02T10:00:00Z'],
  ])('refuses %s', (_name, requestedAt) => {
    expect(E.isLeft(decodeEvent(stopRequested({ requestedAt })))).toBe(true);
  });

  it('accepts 29 February of a leap year and fractions of a second', () => {
    expect(
      E.isRight(decodeEvent(stopRequested({ requestedAt: '2028-02-29T10:00:00.123456Z' }))),
    ).toBe(true);
  });

  it('refuses null for an optional field', () => {
    expect(
      messageOf(
        decodeEvent({
          type: 'Returned',
          data: {
            orderId: '1',
            returnedAt: '2026-03-02T10:00:00Z',
            registeredIn: 'order-system',
            trackingNumber: null,
          },
        }),
      ),
    ).toBe('data.trackingNumber: expected a non-empty text of at most 128 characters, got null');
  });

  it('refuses a shipment whose tax is above its amount, or that has only one of them', () => {
    expect(E.isLeft(decodeEvent(shippedWithTracking({ amount: 100, taxAmount: 101 })))).toBe(true);
    expect(E.isLeft(decodeEvent(shippedWithTracking({ amount: 100 })))).toBe(true);
  });

  it('refuses a settlement line whose label does not match its kind', () => {
    const line = {
      kind: 'fraud-policy',
      label: 'Returnering (bedrageri)',
      amount: 1,
      currency: 'DKK',
    };
    expect(
      messageOf(
        decodeEvent({
          type: 'SettlementBooked',
          data: { ...settlementBooked().data, lines: [line] },
        }),
      ),
    ).toBe(
      'data.lines.0: expected a settlement line whose label matches its kind, got {"kind":"fraud-policy","label":"Returnering (bedrageri)","am… (85 characters)',
    );
  });

  it('keeps __proto__ keys away from any prototype', () => {
    const input: unknown = JSON.parse(
      '{"type":"Disputed","data":{"orderId":"1","disputedAt":"2026-03-02T10:00:00Z","__proto__":{"polluted":true}}}',
    );
    const result = decodeEvent(input);
    expect(result).toEqual(
      E.right({ type: 'Disputed', data: { orderId: '1', disputedAt: '2026-03-02T10:00:00Z' } }),
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('shows a huge value shortened', () => {
    const result = decodeEvent({
      type: 'Disputed',
      data: { orderId: 'x'.repeat(100000), disputedAt: '2026-03-02T10:00:00Z' },
    });
    expect(messageOf(result)).toBe(
      `data.orderId: expected a non-empty id of at most 128 characters, got "${'x'.repeat(59)}… (100002 characters)`,
    );
  });
});

describe('decodeCommand', () => {
  it('an unknown command type is INVALID_COMMAND', () => {
    expect(
      E.isLeft(decodeCommand({ type: 'Nope', data: {} })) &&
        messageOf(decodeCommand({ type: 'Nope', data: {} })),
    ).toBe(
      'The command was refused: type: expected one of RequestStop, ConfirmStopped, ReportServiceNotInterruptible, ReportShipment, RequestRecall, RegisterReturn, RecordDispute, RecordInvoiceOverdue, RequestInformation, ProvideInformation, ConcludeInvestigation, BookSettlement, got "Nope". Correct the field and send the command again.',
    );
  });

  it('a value that is not a command is INVALID_COMMAND', () => {
    expect(decodeCommand(null)).toEqual(
      E.left({
        code: 'INVALID_COMMAND',
        message:
          'The command was refused: value: expected a command { type, data }, got null. Correct the field and send the command again.',
      }),
    );
  });

  it('a non-finite amount is INVALID_AMOUNT', () => {
    const result = decodeCommand({
      type: 'ReportShipment',
      data: {
        orderId: '1',
        shippedAt: '2026-03-02T10:00:00Z',
        reportedAt: '2026-03-02T10:00:00Z',
        amount: Infinity,
        taxAmount: 0,
      },
    });
    expect(E.isLeft(result) && result.left.code).toBe('INVALID_AMOUNT');
  });
});

describe('decodePolicy', () => {
  it('decodes a partial override', () => {
    expect(decodePolicy({ responseDeadlineHours: null, recallableCarriers: ['GLS'] })).toEqual(
      E.right({ responseDeadlineHours: null, recallableCarriers: ['GLS'] }),
    );
  });

  it('refuses a negative deadline with its path', () => {
    expect(messageOf(decodePolicy({ informationDeadlineDays: -1 }))).toBe(
      'informationDeadlineDays: expected a non-negative number, or null for no limit, got -1',
    );
  });
});

describe('ids are well-formed Unicode, so every store keeps the same streams', () => {
  it.each([
    ['a lone high surrogate', 'order-\uD800'],
    ['a lone low surrogate', '\uDC00-4711'],
    ['a NUL character', '47\u000011'],
  ])('an order id with %s is refused with a clear reason', (_, orderId) => {
    expect(messageOf(decodeEvent(stopRequested({ orderId })))).toBe(
      `data.orderId: expected well-formed Unicode text (no lone UTF-16 surrogate, no NUL character), got ${JSON.stringify(orderId)}`,
    );
  });

  it('a merchant id and a tracking number likewise; a surrogate pair (an emoji) is fine', () => {
    expect([
      messageOf(decodeEvent(stopRequested({ merchantId: 'm\uDBFF' }))),
      messageOf(decodeEvent(shippedWithTracking({ trackingNumber: 'PN\uDFFF' }))),
      messageOf(decodeEvent(stopRequested({ orderId: 'order-\uD83D\uDE00' }))),
    ]).toEqual([
      'data.merchantId: expected well-formed Unicode text (no lone UTF-16 surrogate, no NUL character), got "m\\udbff"',
      'data.trackingNumber: expected well-formed Unicode text (no lone UTF-16 surrogate, no NUL character), got "PN\\udfff"',
      'decoded',
    ]);
  });
});
