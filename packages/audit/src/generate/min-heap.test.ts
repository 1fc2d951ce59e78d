import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('pops in order, ties as ordered by the comparison', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    for (const n of [5, 1, 4, 1, 9, 2, 6, 5, 3]) heap.push(n);
    expect(heap.size).toBe(9);
    expect(heap.peek()).toBe(1);
    const out: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) out.push(n);
    expect(out).toEqual([1, 1, 2, 3, 4, 5, 5, 6, 9]);
    expect(heap.pop()).toBeUndefined();
  });
});
