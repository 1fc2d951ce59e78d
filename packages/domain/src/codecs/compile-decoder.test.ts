import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import * as t from 'io-ts';
import { compileDecoder, NOT_DECODED } from './compile-decoder';
import { Amount, Currency, Id, OptionalLabel, SignedAmount, Text, Timestamp } from './primitives';
import { record } from './record';
import { refine } from './refine';

// What io-ts decodes `input` to, in the compiled decoder's terms.
const ioTs = (codec: t.Decoder<unknown, unknown>, input: unknown): unknown => {
  const result = codec.decode(input);
  return E.isRight(result) ? result.right : NOT_DECODED;
};

const expectAgreement = (codec: t.Decoder<unknown, unknown>, inputs: readonly unknown[]): void => {
  const compiled = compileDecoder(codec);
  for (const input of inputs) {
    const expected = ioTs(codec, input);
    const actual = compiled(input);
    expect({ input, actual }).toStrictEqual({ input, actual: expected });
    expect(actual === input).toBe(expected === input);
  }
};

interface PositiveBrand {
  readonly PositiveA: unique symbol;
}
// An io-ts refinement (a brand) of a record: exact keeps its fields.
const PositiveA = t.brand(
  t.type({ a: t.number }),
  (x): x is t.Branded<{ a: number }, PositiveBrand> => x.a > 0,
  'PositiveA',
);

const Positive = refine(t.number, 'a positive number', (n) => n > 0);
const Line = record('Line', { amount: Positive, note: t.string }, { tag: t.keyof({ a: null }) });

describe('compileDecoder', () => {
  it('given the codecs the events use, then it gives io-ts values and refuses what io-ts refuses', () => {
    expectAgreement(t.readonly(t.exact(t.type({ lines: t.readonlyArray(Line) }))), [
      { lines: [{ amount: 1, note: '' }] },
      { lines: [{ amount: 1, note: '', extra: true }] },
      { lines: [{ amount: 1, note: '', tag: 'a' }], more: 1 },
      { lines: [{ amount: 1, note: '', tag: 'b' }] },
      { lines: [{ amount: 0, note: '' }] },
      { lines: [{ amount: 1 }] },
      { lines: {} },
      [],
      null,
    ]);
  });

  it('given nodes it has no shortcut for, then it agrees with io-ts through their validate', () => {
    const NumberOrText = t.union([t.number, t.string]);
    const Tagged = t.union([
      t.type({ kind: t.literal('a'), a: t.number }),
      t.type({ kind: t.literal('b'), b: t.string }),
    ]);
    const inputs = [
      0,
      -0,
      1,
      'x',
      null,
      undefined,
      true,
      [],
      {},
      { kind: 'a', a: 1 },
      { kind: 'b' },
    ];
    for (const codec of [
      NumberOrText,
      Tagged,
      t.literal(0),
      t.literal('x'),
      t.null,
      t.boolean,
      t.unknown,
      t.array(t.number),
      t.Int,
      t.exact(PositiveA),
      t.exact(t.intersection([t.type({ a: t.number }), t.partial({ b: t.string })])),
      t.intersection([t.string, t.string]),
      t.intersection([t.type({ kind: t.string }), t.union([t.string, t.type({ a: t.number })])]),
      t.type({ maybe: t.unknown }),
      t.partial({ maybe: t.unknown, n: t.number }),
      t.exact(t.type({ a: t.array(t.union([t.number, t.type({ x: t.number })])) })),
    ])
      expectAgreement(codec, inputs);
  });

  it('given copies a field forces, then they are made the way io-ts makes them', () => {
    const Inner = t.exact(t.type({ x: t.number }));
    const Outer = t.exact(
      t.intersection([t.type({ inner: Inner }), t.partial({ more: t.readonlyArray(Inner) })]),
    );
    expectAgreement(Outer, [
      { inner: { x: 1 } },
      { inner: { x: 1, y: 2 } },
      { inner: { x: 1 }, more: [{ x: 2, y: 3 }] },
      { inner: { x: 1, y: 2 }, more: [{ x: 2 }], extra: 0 },
      JSON.parse('{"__proto__":{"p":1},"inner":{"x":1,"y":2}}'),
      JSON.parse('{"__proto__":{"p":1},"inner":{"x":1}}'),
      { inner: { x: 1 }, more: undefined },
    ]);
  });

  it('given a refined record or an intersection with a value that is no object, then it agrees', () => {
    const Ordered = refine(
      record('Pair', { low: t.number, high: t.number }, {}),
      'a pair in order',
      (pair) => pair.low <= pair.high,
    );
    expectAgreement(Ordered, [
      { low: 1, high: 2 },
      { low: 2, high: 1 },
      { low: 1, high: 2, x: 0 },
    ]);
    // A codec that decodes an object to a number: io-ts merges it as it does, so it decides.
    const KeyCount = new t.Type<number, number>(
      'KeyCount',
      (u): u is number => typeof u === 'number',
      (u, context) =>
        typeof u === 'object' && u !== null
          ? t.success(Object.keys(u).length)
          : t.failure(u, context),
      t.identity,
    );
    const Inner = t.exact(t.type({ x: t.number }));
    expectAgreement(t.intersection([t.type({ a: Inner }), KeyCount]), [
      { a: { x: 1 } },
      { a: { x: 1, y: 2 } },
      { a: 1 },
    ]);
  });

  it('given records read by for-in, then keys that are not own, enumerable and known agree', () => {
    const Everything = record(
      'Everything',
      {
        id: Id,
        at: Timestamp,
        text: t.string,
        count: t.number,
        flag: t.boolean,
        nothing: t.null,
        tag: t.literal('x'),
        kind: t.keyof({ a: null, b: null }),
        int: t.Int,
      },
      {
        amount: Amount,
        signed: SignedAmount,
        currency: Currency,
        note: Text,
        label: OptionalLabel,
        more: t.readonlyArray(t.number),
        nested: record('Nested', { n: t.number }, {}),
      },
    );
    const valid = {
      id: 'o-1',
      at: '2026-03-02T10:00:00Z',
      text: '',
      count: -0,
      flag: false,
      nothing: null,
      tag: 'x',
      kind: 'b',
      int: 3,
    };
    const withOptional = {
      ...valid,
      amount: 1,
      signed: -1,
      currency: 'DKK',
      note: 'n',
      label: '',
      more: [1],
      nested: { n: 1 },
    };
    const { id, ...withoutId } = valid;
    const hidden = (extra: PropertyDescriptorMap): object =>
      Object.defineProperties({ ...valid }, extra);
    const inheriting = (proto: object | null, own: object): object => {
      const child = { ...own };
      Reflect.setPrototypeOf(child, proto);
      return child;
    };
    expectAgreement(Everything, [
      valid,
      withOptional,
      { note: 'first', ...valid },
      { ...withOptional, nested: { n: 1, extra: 2 } },
      { ...withOptional, nested: { n: 'no' } },
      { ...valid, extra: 1 },
      { ...valid, note: undefined, amount: undefined, more: undefined },
      { ...valid, note: 1 },
      { ...valid, more: ['1'] },
      withoutId,
      { ...withoutId, id: undefined },
      ...Object.keys(withOptional).map((key) => ({ ...withOptional, [key]: {} })),
      hidden({ extra: { value: 1, enumerable: false } }),
      hidden({ note: { value: 1, enumerable: false } }),
      hidden({ note: { value: 'n', enumerable: false } }),
      inheriting({ id }, withoutId),
      inheriting({ note: 1 }, valid),
      inheriting(Object.defineProperty({}, 'note', { value: 1 }), valid),
      inheriting(Object.defineProperty({}, 'id', { value: id }), withoutId),
      inheriting({ unknown: 1 }, valid),
      inheriting(null, valid),
      { 0: 'index', ...valid },
    ]);
  });

  it('given a record of more fields than a for-in read tracks, or a key in both halves, then it agrees', () => {
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, t.number]));
    const Wide = record('Wide', many, {});
    const Twice = record('Twice', { a: t.number }, { a: t.number });
    const numbers = Object.fromEntries(Object.keys(many).map((key, i) => [key, i]));
    expectAgreement(Wide, [numbers, { ...numbers, extra: 1 }, { ...numbers, f3: 'x' }]);
    expectAgreement(Twice, [{ a: 1 }, {}, { a: 'x' }, { a: 1, b: 2 }]);
  });

  it('agrees with io-ts on any value', () => {
    const codecs = [Line, t.readonlyArray(Line), t.union([Line, t.string])];
    fc.assert(
      fc.property(fc.constantFrom(...codecs), fc.anything(), (codec, input) => {
        expectAgreement(codec, [input]);
      }),
    );
  });
});
