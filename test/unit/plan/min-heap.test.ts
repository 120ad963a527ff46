import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../../src/plan/min-heap.js';

describe('MinHeap', () => {
  it.each([
    [[]],
    [[1]],
    [[3, 1, 2]],
    [[5, 5, 1, 9, 0, 3, 3, 8, 2, 7, 6, 4]],
    [Array.from({ length: 200 }, (_, i) => (i * 7919) % 211)],
  ])('pops %j in ascending order', (input) => {
    const heap = new MinHeap<number>((a, b) => a - b);
    for (const n of input) heap.push(n);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop() as number);
    expect(out).toEqual([...input].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });

  it('interleaves pushes and pops', () => {
    const heap = new MinHeap<string>((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    heap.push('m');
    heap.push('c');
    expect(heap.pop()).toBe('c');
    heap.push('a');
    heap.push('z');
    expect([heap.pop(), heap.pop(), heap.pop()]).toEqual(['a', 'm', 'z']);
  });
});
