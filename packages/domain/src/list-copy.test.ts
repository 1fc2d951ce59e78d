import { listCopy, listCopyWith } from './list-copy';

describe('listCopy and listCopyWith: writable copies of lists that may be frozen', () => {
  it('copies a frozen list, leaving it as it was', () => {
    const frozen = Object.freeze([{ key: '#1' }, { key: '#2' }]);
    const copy = listCopy(frozen);
    copy.push({ key: '#3' });
    expect([copy, frozen, Object.isFrozen(copy)]).toEqual([
      [{ key: '#1' }, { key: '#2' }, { key: '#3' }],
      [{ key: '#1' }, { key: '#2' }],
      false,
    ]);
  });

  it.each([
    ['an empty list', [], ['c'], []],
    ['a frozen list', Object.freeze(['a', 'b']), ['a', 'b', 'c'], ['a', 'b']],
    ['a writable list', ['a'], ['a', 'c'], ['a']],
  ] as const)(
    'adds an item to a new list from %s, which it leaves as it was',
    (_case, list, expected, after) => {
      const copy = listCopyWith<string>(list, 'c');
      copy.push('d');
      expect([copy, list, copy === list]).toEqual([[...expected, 'd'], after, false]);
    },
  );
});
