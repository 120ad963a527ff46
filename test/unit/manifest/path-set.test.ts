import { describe, expect, it } from 'vitest';
import { PathSet } from '../../../src/manifest/path-set.js';

type Path = (string | number)[];

describe('PathSet', () => {
  it.each<[string, Path[], Path, boolean]>([
    ['an empty set', [], [0, 'sources', 'a'], false],
    ['a path added', [[0, 'sources', 'a']], [0, 'sources', 'a'], true],
    ['another file', [[0, 'sources', 'a']], [1, 'sources', 'a'], false],
    ['a prefix of a path added is not in the set', [[0, 'sources', 'a']], [0, 'sources'], false],
    ['a longer path is not in the set', [[0, 'sources', 'a']], [0, 'sources', 'a', 'topic'], false],
    ['a number and its text differ', [[0, 'external', 'secrets', 1]], [0, 'external', 'secrets', '1'], false],
    ['a path and one of its prefixes', [[0, 'a'], [0, 'a', 'b']], [0, 'a'], true],
    ['the empty path', [[]], [], true],
    ['keys with dots, quotes and separators are parts, not text', [[0, 'a.b', 'c']], [0, 'a', 'b.c'], false],
  ])('%s', (_what, added, looked, expected) => {
    const set = new PathSet();
    for (const p of added) set.add(p);
    expect(set.has(looked)).toBe(expected);
  });
});
