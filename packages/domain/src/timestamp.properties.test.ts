// parseInstant reads the two usual forms on a path of its own; it must agree with the full
// parser on every text, in those forms or near them.
import fc from 'fast-check';
import { isInstant, parseInstant, parseInstantInFull } from './timestamp';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

const MIN = Date.UTC(1900, 0, 1);
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// toISOString's form (`.678Z`) and the one events carry (`:05Z`).
const usualForm = fc
  .tuple(fc.integer({ min: MIN, max: MAX }), fc.boolean())
  .map(([millis, withMillis]) => {
    const text = new Date(millis).toISOString();
    return withMillis ? text : `${text.slice(0, 19)}Z`;
  });

// One character of a usual form replaced, one removed or one added.
const nearForm = fc
  .tuple(
    usualForm,
    fc.nat(),
    fc.constantFrom('0', '9', '3', '/', '-', ':', 'T', 'Z', '.', ' ', 'x', '٣'),
    fc.constantFrom('replace', 'remove', 'insert'),
  )
  .map(([text, at, character, how]) => {
    const i = at % text.length;
    if (how === 'remove') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + character + text.slice(how === 'replace' ? i + 1 : i);
  });

const calendarEdges = fc
  .tuple(
    fc.constantFrom(1969, 1970, 2000, 2024, 2026, 2100, 2400, 9999),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
  )
  .map(([year, month, day, hour, minute, second, millis]) => {
    const two = (n: number): string => String(n).padStart(2, '0');
    const fraction = millis === undefined ? '' : `.${String(millis).padStart(3, '0')}`;
    return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${fraction}Z`;
  });

describe('parseInstant', () => {
  it('given any text in or near the usual forms, then it gives what the full parser gives', () => {
    fc.assert(
      fc.property(fc.oneof(usualForm, nearForm, calendarEdges, fc.string()), (text) => {
        expect(parseInstant(text)).toBe(parseInstantInFull(text));
      }),
      { numRuns: numRuns * 10 },
    );
  });

  it('given any text in or near the usual forms, then isInstant says whether it parses', () => {
    fc.assert(
      fc.property(fc.oneof(usualForm, nearForm, calendarEdges, fc.string()), (text) => {
        expect(isInstant(text)).toBe(parseInstantInFull(text) !== undefined);
      }),
      { numRuns: numRuns * 10 },
    );
  });

  it('given the usual forms, then it gives the milliseconds Date gives', () => {
    expect([
      parseInstant('2026-01-02T03:04:05.678Z'),
      parseInstant('2024-02-29T23:59:59Z'),
      parseInstant('1970-01-01T00:00:00.000Z'),
      parseInstant('2026-02-29T00:00:00Z'),
      parseInstant('1969-12-31T23:59:59.999Z'),
    ]).toEqual([
      Date.UTC(2026, 0, 2, 3, 4, 5, 678),
      Date.UTC(2024, 1, 29, 23, 59, 59),
      0,
      undefined,
      undefined,
    ]);
  });
});
