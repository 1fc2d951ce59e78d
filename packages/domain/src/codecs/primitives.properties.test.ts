// The named tests the codecs refine with take shortcuts for speed; they must accept exactly the
// texts their plain definitions accept.
import fc from 'fast-check';
import { isShortName } from './primitives';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

const blank = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b');
const someText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc
    .tuple(fc.array(blank), fc.string(), fc.array(blank))
    .map(([a, s, b]) => a.join('') + s + b.join('')),
  fc.array(blank).map((units) => units.join('')),
  fc.nat({ max: 140 }).map((n) => 'x'.repeat(n)),
);

describe('isShortName', () => {
  it('given any text, then it says what trim and a length of at most 128 say', () => {
    fc.assert(
      fc.property(someText, (s) => {
        expect(isShortName(s)).toBe(s.trim().length > 0 && s.length <= 128);
      }),
      { numRuns: numRuns * 10 },
    );
  });

  it('given texts at the edges, then blank and too long are refused', () => {
    expect(
      ['o-1', ' o', '\u00a0', '', '~', '!', 'x'.repeat(128), 'x'.repeat(129)].map(isShortName),
    ).toEqual([true, true, false, false, true, true, true, false]);
  });
});
