// Issue 15: the audit's fast path decodes an event only when the domain's codec would give
// exactly the same event; anything else is left to the codec (and its reasons).
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { decodeEvent, eventTypes, isEventType } from '@order-liability/domain';
import { decodeAsIs } from './fast-decode';
import { isRecord } from './is-record';
import { generateRecords } from './generate/generate-export';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 100);
const records = [...generateRecords({ orders: 300, seed: 15 })];

// The codec's own verdict: the event it decodes to, or undefined.
const codecEvent = (type: string, data: unknown): unknown => {
  const decoded = decodeEvent({ type, data });
  return E.isRight(decoded) ? decoded.right : undefined;
};

const clone = (value: unknown): unknown => structuredClone(value);

// Every object inside a value, the value itself included.
const objectsIn = (value: unknown): Record<string, unknown>[] => {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (!isRecord(value)) return [];
  return [value, ...Object.values(value).flatMap(objectsIn)];
};

describe('decodeAsIs (the audit fast path)', () => {
  it('decodes every event type of a generated export exactly as the codec does', () => {
    const seen = new Set<string>();
    for (const { type, data } of records) {
      if (!isEventType(type)) throw new Error(`generated an unknown type ${type}`);
      seen.add(type);
      expect(decodeAsIs(type, data)).toEqual(codecEvent(type, data));
      expect(decodeAsIs(type, data)).toBeDefined();
    }
    expect([...seen].sort()).toEqual([...eventTypes].sort());
  });

  it('gives the codec’s event or nothing when a field is added, changed or removed anywhere', () => {
    const mutation = fc.record({
      record: fc.nat(records.length - 1),
      object: fc.nat(),
      key: fc.constantFrom('extra', 'orderId', 'amount', 'kind', 'rules', 'riskNotes', 'lines'),
      value: fc.oneof(
        fc.constant(null),
        fc.constant(undefined),
        fc.string(),
        fc.integer(),
        fc.double(),
        fc.constant('\uD800'),
        fc.constant([]),
        fc.constant({}),
      ),
    });
    fc.assert(
      fc.property(mutation, ({ record, object, key, value }) => {
        const chosen = records[record];
        if (chosen === undefined || !isEventType(chosen.type)) return;
        const data = clone(chosen.data);
        const objects = objectsIn(data);
        const target = objects[object % objects.length];
        if (target === undefined) return;
        if (value === undefined) Reflect.deleteProperty(target, key);
        else target[key] = value;
        const fast = decodeAsIs(chosen.type, data);
        if (fast !== undefined) expect(fast).toEqual(codecEvent(chosen.type, data));
      }),
      { numRuns: numRuns * 20 },
    );
  });
});
