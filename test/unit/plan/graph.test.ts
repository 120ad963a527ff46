import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../../src/errors.js';
import { toposort } from '../../../src/plan/graph.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sort = (nodes: string[], edges: [string, string][]) => toposort(nodes, (x) => x, edges, cmp);

describe('toposort', () => {
  it.each<[string, string[], [string, string][], string[]]>([
    ['no edges: by name', ['c', 'a', 'b'], [], ['a', 'b', 'c']],
    ['chain against name order', ['a', 'b', 'c'], [['c', 'b'], ['b', 'a']], ['c', 'b', 'a']],
    ['diamond, ties by name', ['src', 'conn', 'tunnel', 'secret'], [['secret', 'conn'], ['tunnel', 'conn'], ['conn', 'src']], ['secret', 'tunnel', 'conn', 'src']],
    ['edges to unknown nodes are ignored', ['a', 'b'], [['x', 'a'], ['b', 'a']], ['b', 'a']],
    ['duplicate edges count once', ['a', 'b'], [['b', 'a'], ['b', 'a']], ['b', 'a']],
  ])('%s', (_label, nodes, edges, expected) => {
    expect(sort(nodes, edges)).toEqual(expected);
  });

  it('names the path of a cycle', () => {
    const run = () => sort(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']]);
    expect(run).toThrow(RuntimeError);
    expect(run).toThrow('dependency cycle: a -> b -> c -> a');
  });

  it('is deterministic whatever the input order', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const edges: [string, string][] = nodes.slice(1).map((x, i) => [x, nodes[i] as string]);
    const a = sort(nodes, edges);
    const b = sort([...nodes].reverse(), [...edges].reverse());
    expect(a).toEqual(b);
    expect(a[0]).toBe('n49');
  });
});
