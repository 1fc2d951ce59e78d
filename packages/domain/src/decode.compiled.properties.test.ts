// The compiled event decoders against io-ts itself (issue 15): for valid events and for
// every kind of damage to them, decodeEvent gives exactly what the io-ts codecs give — the
// same value (the same object where io-ts hands the input back), the same error.
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import {
  concluded,
  informationRequested,
  legacySettlementBooked,
  returned,
  settlementBooked,
  shippedWithoutTracking,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import { storedHistory } from './__fixtures__/stored-histories';
import { decodeEvent, decodeEventWithIoTs } from './decode';
import type { Event } from './events';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

const fixtures: readonly Event[] = [
  stopRequested(),
  stopRequested({ riskNotes: ['new customer', 'high amount'] }),
  shippedWithTracking({ amount: 100, taxAmount: 20, collected: true }),
  shippedWithoutTracking({ carrier: 'GLS', amount: 0, taxAmount: 0 }),
  returned({ trackingNumber: 'T-1' }),
  informationRequested({ topic: 'receipt' }),
  concluded(),
  settlementBooked(),
  legacySettlementBooked(),
];

const validEvent: fc.Arbitrary<Event> = fc.oneof(
  fc.constantFrom(...fixtures),
  storedHistory
    .filter((history) => history.length > 0)
    .chain((history) => fc.constantFrom(...history)),
);

// A JSON copy: what a store hands back, and free to damage.
const copy = (event: Event): unknown => JSON.parse(JSON.stringify(event));

const hostileValue = fc.constantFrom<unknown>(
  undefined,
  null,
  Number.NaN,
  -0,
  0,
  -1,
  0.5,
  2 ** 53,
  1e308,
  Infinity,
  '',
  '   ',
  '\uD800',
  'a\uDC00b',
  'x\u0000',
  'x'.repeat(129),
  '2026-02-30T00:00:00Z',
  '2026-03-02T10:00:00.123Z',
  'goods',
  'SR-5',
  'DKK',
  true,
  [],
  {},
  ['SR-5'],
  { kind: 'fraud-return' },
);

const extraKey = fc.constantFrom(
  'extra',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '0',
  'type',
  'data',
);

type Damage =
  | { readonly kind: 'remove' }
  | { readonly kind: 'set'; readonly value: unknown }
  | { readonly kind: 'add'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'array-of-values' }
  | { readonly kind: 'hide' }
  | { readonly kind: 'move-last' };

const aDamage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant<Damage>({ kind: 'remove' }),
  hostileValue.map((value): Damage => ({ kind: 'set', value })),
  fc
    .tuple(extraKey, fc.oneof(hostileValue, fc.jsonValue()))
    .map(([key, value]): Damage => ({ kind: 'add', key, value })),
  fc.constant<Damage>({ kind: 'array-of-values' }),
  // Keys the compiled records read by for-in: one not enumerable, one out of the codec's order.
  fc.constant<Damage>({ kind: 'hide' }),
  fc.constant<Damage>({ kind: 'move-last' }),
);

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;

/** Every object or array inside `root` with each of its keys, `root` itself first. */
const placesIn = (root: unknown): [Record<string, unknown>, string][] => {
  if (!isObject(root)) return [];
  return Object.keys(root).flatMap((key): [Record<string, unknown>, string][] => [
    [root, key],
    ...placesIn(root[key]),
  ]);
};

// Like JSON.parse, an own data property even for `__proto__`.
const put = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
};

/** Damages one place in `root` (chosen by `at`), in place. */
const damage = (root: unknown, at: number, what: Damage): unknown => {
  const places = placesIn(root);
  const [target, key] = places[at % places.length] ?? [{}, ''];
  const value = target[key];
  switch (what.kind) {
    case 'remove':
      Reflect.deleteProperty(target, key);
      break;
    case 'set':
      put(target, key, structuredClone(what.value));
      break;
    case 'add':
      put(isObject(value) ? value : target, what.key, structuredClone(what.value));
      break;
    case 'array-of-values':
      put(target, key, isObject(value) ? Object.values(value) : [value]);
      break;
    case 'hide':
      Object.defineProperty(target, key, { enumerable: false });
      break;
    case 'move-last':
      Reflect.deleteProperty(target, key);
      put(target, key, value);
      break;
  }
  return root;
};

const expectSameAsIoTs = (input: unknown): void => {
  const fast = decodeEvent(input);
  const reference = decodeEventWithIoTs(input);
  expect(fast).toStrictEqual(reference);
  if (E.isRight(fast) && E.isRight(reference)) {
    // The same objects handed back, copied or kept as io-ts does, with the same prototypes.
    expect([
      fast.right === input,
      fast.right.data === (isObject(input) ? input['data'] : undefined),
    ]).toEqual([
      reference.right === input,
      reference.right.data === (isObject(input) ? input['data'] : undefined),
    ]);
    expect(Object.getPrototypeOf(fast.right.data)).toBe(
      Object.getPrototypeOf(reference.right.data),
    );
  }
};

describe('decodeEvent, compiled from the io-ts codecs', () => {
  it('given a valid event as a store returns it, then it decodes to what io-ts gives', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const input = copy(event);
        expectSameAsIoTs(input);
        expect(decodeEvent(input)).toStrictEqual(E.right(event));
      }),
      { numRuns },
    );
  });

  it('given a valid event with one place damaged, then value or error is what io-ts gives', () => {
    fc.assert(
      fc.property(validEvent, fc.nat(), aDamage, (event, at, what) => {
        expectSameAsIoTs(damage(copy(event), at, what));
      }),
      { numRuns: numRuns * 4 },
    );
  });

  it('given two places damaged, then value or error is what io-ts gives', () => {
    fc.assert(
      fc.property(
        validEvent,
        fc.nat(),
        aDamage,
        fc.nat(),
        aDamage,
        (event, at, what, at2, what2) => {
          expectSameAsIoTs(damage(damage(copy(event), at, what), at2, what2));
        },
      ),
      { numRuns },
    );
  });

  it('given any value at all, then value or error is what io-ts gives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
          fc.record({
            type: fc.constantFrom('Disputed', 'SettlementBooked', 'toString'),
            data: fc.anything(),
          }),
        ),
        expectSameAsIoTs,
      ),
      { numRuns },
    );
  });

  it('given a line whose unknown key is stripped and a data __proto__ key, then both agree', () => {
    const input: unknown = JSON.parse(
      '{"type":"SettlementBooked","data":{"__proto__":{"polluted":1},"orderId":"1","bookedAt":"2026-03-02T10:00:00Z","lines":[{"kind":"fraud-return","label":"Returnering (bedrageri)","amount":-1,"currency":"DKK","extra":1}]}}',
    );
    expectSameAsIoTs(input);
    expect(decodeEvent(input)).toStrictEqual(
      E.right({
        type: 'SettlementBooked',
        data: {
          orderId: '1',
          bookedAt: '2026-03-02T10:00:00Z',
          lines: [
            { kind: 'fraud-return', label: 'Returnering (bedrageri)', amount: -1, currency: 'DKK' },
          ],
        },
      }),
    );
  });
});
