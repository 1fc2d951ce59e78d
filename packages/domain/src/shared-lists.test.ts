import { noItems, SharedLists } from './shared-lists';

describe('SharedLists', () => {
  it('gives one frozen list per content, never the caller’s own list', () => {
    // Given a table and two lists with the same items
    const lists = new SharedLists<string>(10);
    const first = ['SR-5', 'SR-10'];
    const second = ['SR-5', 'SR-10'];
    // When both are looked up
    const a = lists.of(first);
    const b = lists.of(second);
    // Then both give the same frozen list, equal to them, and neither caller's list is frozen
    expect([a === b, a, Object.isFrozen(a), a === first, Object.isFrozen(first)]).toEqual([
      true,
      ['SR-5', 'SR-10'],
      true,
      false,
      false,
    ]);
  });

  it('keeps lists that share a beginning apart', () => {
    const lists = new SharedLists<string>(10);
    const short = lists.of(['SR-5']);
    const long = lists.of(['SR-5', 'SR-10']);
    const other = lists.of(['SR-10', 'SR-5']);
    expect([short, long, other, lists.of(['SR-5']) === short]).toEqual([
      ['SR-5'],
      ['SR-5', 'SR-10'],
      ['SR-10', 'SR-5'],
      true,
    ]);
  });

  it('gives the list given last again when the same items come next', () => {
    const lists = new SharedLists<string>(0);
    const first = lists.of(['SR-5', 'SR-10']);
    expect([lists.of(['SR-5', 'SR-10']) === first, lists.of(['SR-5']) === first]).toEqual([
      true,
      false,
    ]);
  });

  it('gives the shared empty list for an empty one', () => {
    expect(new SharedLists<string>(10).of([])).toBe(noItems);
    expect(Object.isFrozen(noItems)).toBe(true);
  });

  it('copies and freezes without keeping once it holds its limit of lists', () => {
    // Given a table that holds at most two lists (['a'] and ['a', 'b'])
    const lists = new SharedLists<string>(2);
    const kept = lists.of(['a', 'b']);
    // When a third list is looked up twice, another one in between
    const c1 = lists.of(['c']);
    lists.of(['d']);
    const c2 = lists.of(['c']);
    // Then each time it is an equal frozen copy of its own; the kept lists stay shared
    expect([c1, c2, c1 === c2, Object.isFrozen(c1), lists.of(['a', 'b']) === kept]).toEqual([
      ['c'],
      ['c'],
      false,
      true,
      true,
    ]);
  });
});
