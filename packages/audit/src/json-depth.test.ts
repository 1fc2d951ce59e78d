import { DEFAULT_MAX_DEPTH, nestedDeeperThan } from './json-depth';

const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('nestedDeeperThan', () => {
  it('counts levels of objects and arrays, the outermost being level 1', () => {
    expect(nestedDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestedDeeperThan('{"a":[{"b":1}]}', 2)).toBe(true);
    expect(nestedDeeperThan(nested(DEFAULT_MAX_DEPTH), DEFAULT_MAX_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nested(DEFAULT_MAX_DEPTH + 1), DEFAULT_MAX_DEPTH)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestedDeeperThan(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`, 1)).toBe(false);
    expect(nestedDeeperThan(`{"a":"\\\\",${'{"b":'.repeat(3)}1}}}}`, 3)).toBe(true);
  });

  it('measures 1,000,000 levels without a stack overflow', () => {
    expect(nestedDeeperThan(nested(1_000_000), 256)).toBe(true);
  });

  it('defaults to 256 levels', () => {
    expect(DEFAULT_MAX_DEPTH).toBe(256);
  });
});
