/** A binary min-heap ordered by `before`. */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = items[parent];
      if (up === undefined || !this.before(item, up)) break;
      items[i] = up;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let child = left;
      const l = items[left];
      const r = items[right];
      if (l === undefined) break;
      if (r !== undefined && this.before(r, l)) child = right;
      const smaller = items[child];
      if (smaller === undefined || !this.before(smaller, last)) break;
      items[i] = smaller;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
