interface Entry<T extends string> {
  readonly list: readonly T[];
  readonly longer: Map<T, Entry<T>>;
}

/** The frozen empty list every state shares. */
export const noItems: readonly never[] = Object.freeze([]);

/**
 * Frozen lists of strings, one per content, shared by every state that holds that content (a
 * booking's rules and reasons repeat from order to order). A state must be frozen all the way
 * down, and freezing a fresh copy costs about as much as the rest of a booking's copying; a
 * shared list is looked up in a trie of the items, one Map lookup per item, never copied.
 * The trie keeps at most `limit` lists; past that, lists are copied and frozen as before, so
 * unusual input costs what it always did and memory stays bounded. Sharing never shows: equal
 * lists, frozen, whoever holds them.
 */
export class SharedLists<T extends string> {
  private readonly first = new Map<T, Entry<T>>();
  private size = 0;
  /** The list given last: the same list usually comes again, and comparing costs less. */
  private last: readonly T[] = noItems;

  constructor(private readonly limit: number) {}

  /** A frozen list with the items of `list`, shared with every other such list. */
  of(list: readonly T[]): readonly T[] {
    if (list.length === 0) return noItems;
    if (sameItems(list, this.last)) return this.last;
    const shared = this.lookUp(list);
    this.last = shared;
    return shared;
  }

  private lookUp(list: readonly T[]): readonly T[] {
    let level = this.first;
    let entry: Entry<T> | undefined;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (item === undefined) return frozenCopy(list);
      entry = level.get(item);
      if (entry === undefined) {
        if (this.size >= this.limit) return frozenCopy(list);
        entry = { list: frozenCopy(list, i + 1), longer: new Map() };
        level.set(item, entry);
        this.size += 1;
      }
      level = entry.longer;
    }
    return entry === undefined ? frozenCopy(list) : entry.list;
  }
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

// Item by item: the caller's list may be frozen, and V8 (Node 20) slices a frozen array slowly.
const frozenCopy = <T>(list: readonly T[], length = list.length): readonly T[] => {
  const copy: T[] = [];
  for (let i = 0; i < length; i++) {
    const item = list[i];
    if (item !== undefined) copy.push(item);
  }
  return Object.freeze(copy);
};
