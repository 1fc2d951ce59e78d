import * as E from 'fp-ts/Either';
import { defaultUpcasters } from './default-upcasters';
import { shippedWithTrackingFromV0 } from './upcasters/shipped-with-tracking-v0';
import { emptyUpcasters, upcast } from './upcasting';

describe('UpcasterRegistry', () => {
  it('given a registry, when an upcaster is added with `with`, then a new registry has it and the old one does not', () => {
    const rename = (data: unknown) => ({ renamed: data });

    const extended = emptyUpcasters.with('Disputed', 0, rename);

    expect(extended.find('Disputed', 0)).toBe(rename);
    expect(emptyUpcasters.find('Disputed', 0)).toBeUndefined();
    expect(extended.find('Disputed', 1)).toBeUndefined();
  });

  it('given an upcaster for a type and version, when another is added for the same, then the later one wins', () => {
    const first = () => 'first';
    const second = () => 'second';

    expect(
      emptyUpcasters.with('Disputed', 0, first).with('Disputed', 0, second).find('Disputed', 0),
    ).toBe(second);
  });

  it.each([1, -1, 0.5])(
    'refuses an upcaster from schema version %p with a RangeError',
    (version) => {
      expect(() => emptyUpcasters.with('Disputed', version, (data) => data)).toThrow(
        new RangeError(
          `An upcaster of Disputed must start from a schema version between 0 and 0 (the current one is 1); got ${version}.`,
        ),
      );
    },
  );

  it('upcasts data with no upcaster for its type unchanged, and current data untouched', () => {
    const data = { orderId: '4711' };

    expect(upcast(defaultUpcasters, 'Disputed', 0, data)).toEqual(E.right(data));
    expect(upcast(defaultUpcasters, 'ShippedWithTracking', 1, { trackingNo: 'x' })).toEqual(
      E.right({ trackingNo: 'x' }),
    );
  });
});

describe('shippedWithTrackingFromV0', () => {
  it('renames trackingNo to trackingNumber and keeps every other field', () => {
    expect(
      shippedWithTrackingFromV0({ orderId: '4711', trackingNo: 'PN-1', carrier: 'PostNord' }),
    ).toEqual({
      orderId: '4711',
      carrier: 'PostNord',
      trackingNumber: 'PN-1',
    });
  });

  it('leaves data that already has trackingNumber, or is not an object, as it is', () => {
    const both = { trackingNo: 'old', trackingNumber: 'new' };

    expect([
      shippedWithTrackingFromV0(both),
      shippedWithTrackingFromV0(null),
      shippedWithTrackingFromV0([1]),
    ]).toEqual([both, null, [1]]);
  });

  it('never lets a __proto__ key reach the prototype', () => {
    const data: unknown = JSON.parse('{"trackingNo":"PN-1","__proto__":{"polluted":true}}');

    const upcast = shippedWithTrackingFromV0(data);

    expect(Object.getPrototypeOf(upcast)).toBe(Object.prototype);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});
