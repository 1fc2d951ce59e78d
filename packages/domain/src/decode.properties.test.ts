// Hostile input for the decoders (issue 8): arbitrary values, valid events with one field made
// hostile, and prototype-pollution keys. Runs per property: PROPERTY_RUNS (default 300).
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import {
  concluded,
  recallRequested,
  settlementBooked,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import type { Command } from './commands';
import { decodeCommand, decodeEvent } from './decode';
import type { Event } from './events';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

const hostile = {
  amount: [Number.NaN, Infinity, -Infinity, -1, 0.5, 2 ** 53, '100', null, true],
  time: [
    '2026-02-30T00:00:00Z',
    '2026-03-02',
    '',
    null,
    1772442000000,
    '2026-03-02T10:00:00+01:00',
    'x'.repeat(100000),
  ],
  id: ['', '   ', 'x'.repeat(129), 42, null, {}],
  currency: ['XYZ', 'dkk', '', null, 208],
  choice: ['other', null, 1, ''],
} as const;

type Category = keyof typeof hostile;

const fieldsOf: readonly [Event, Readonly<Record<string, Category>>][] = [
  [
    stopRequested(),
    {
      orderId: 'id',
      merchantId: 'id',
      purchaseKind: 'choice',
      currency: 'currency',
      totalAmount: 'amount',
      totalTaxAmount: 'amount',
      requestedAt: 'time',
    },
  ],
  [
    shippedWithTracking({ amount: 100, taxAmount: 20 }),
    {
      orderId: 'id',
      carrier: 'id',
      trackingNumber: 'id',
      shippedAt: 'time',
      reportedAt: 'time',
      amount: 'amount',
      taxAmount: 'amount',
    },
  ],
  [recallRequested(), { trackingNumber: 'id', requestedBy: 'choice', requestedAt: 'time' }],
  [concluded(), { concludedAt: 'time', outcome: 'choice' }],
  [settlementBooked(), { bookedAt: 'time' }],
];

const oneHostileField = fc
  .constantFrom(...fieldsOf)
  .chain(([event, fields]) =>
    fc
      .constantFrom(...Object.entries(fields))
      .chain(([field, category]) =>
        fc.constantFrom(...hostile[category]).map((value) => ({ event, field, category, value })),
      ),
  );

describe('decoders under hostile input', () => {
  it('never throw on arbitrary values, and leave Object.prototype alone', () => {
    const before = prototypeKeys();
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
        (value) => {
          const event = decodeEvent(value);
          const command = decodeCommand(value);
          expect([
            E.isLeft(event) ? typeof event.left.message : 'decoded',
            E.isLeft(command) ? command.left.code : 'decoded',
          ]).toEqual(['string', 'INVALID_COMMAND']);
        },
      ),
      { numRuns },
    );
    expect(prototypeKeys()).toEqual(before);
  });

  it('refuse a valid event with one hostile field, naming that field', () => {
    fc.assert(
      fc.property(oneHostileField, ({ event, field, value }) => {
        const result = decodeEvent({ type: event.type, data: { ...event.data, [field]: value } });
        expect(E.isLeft(result) && result.left.problems.map((p) => p.path)).toContain(
          `data.${field}`,
        );
      }),
      { numRuns },
    );
  });

  it('refuse a hostile amount in a command as INVALID_AMOUNT', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...hostile.amount),
        fc.constantFrom('totalAmount', 'totalTaxAmount'),
        (value, field) => {
          const command: unknown = {
            type: 'RequestStop',
            data: { ...stopRequested().data, [field]: value },
          };
          const result = decodeCommand(command);
          expect(E.isLeft(result) && result.left.code).toBe('INVALID_AMOUNT');
        },
      ),
      { numRuns: Math.min(numRuns, 100) },
    );
  });

  it('keep __proto__, constructor and prototype keys away from any prototype', () => {
    const before = prototypeKeys();
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.jsonValue(),
        fc.constantFrom('top', 'data', 'line'),
        (key, payload, where) => {
          const json = JSON.stringify(payload);
          const data = `"orderId":"1","bookedAt":"2026-03-02T10:00:00Z","lines":[{"kind":"fraud-return","label":"Returnering (bedrageri)","amount":-1,"currency":"DKK"${where === 'line' ? `,"${key}":${json}` : ''}}]${where === 'data' ? `,"${key}":${json}` : ''}`;
          const text = `{"type":"SettlementBooked",${where === 'top' ? `"${key}":${json},` : ''}"data":{${data}}}`;
          const input: unknown = JSON.parse(text);
          const result = decodeEvent(input);
          expect(result).toEqual(
            E.right({
              type: 'SettlementBooked',
              data: {
                orderId: '1',
                bookedAt: '2026-03-02T10:00:00Z',
                lines: [
                  {
                    kind: 'fraud-return',
                    label: 'Returnering (bedrageri)',
                    amount: -1,
                    currency: 'DKK',
                  },
                ],
              },
            }),
          );
          expect(E.isRight(result) && Object.getPrototypeOf(result.right.data)).toBe(
            Object.prototype,
          );
        },
      ),
      { numRuns },
    );
    expect(prototypeKeys()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuse commands with a field set to null instead of absent', () => {
    const command: Command = {
      type: 'RegisterReturn',
      data: { orderId: '1', returnedAt: '2026-03-02T10:00:00Z', registeredIn: 'order-system' },
    };
    const result = decodeCommand({ ...command, data: { ...command.data, trackingNumber: null } });
    expect(E.isLeft(result) && result.left.message).toBe(
      'RegisterReturn was refused: data.trackingNumber: expected a non-empty text of at most 128 characters, got null. Correct the field and send the command again.',
    );
  });
});
