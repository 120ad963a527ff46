import { describe, expect, it } from 'vitest';
import { NameMap, type ObjectName } from '../../../src/model/index.js';

const n = (database: string, schema: string, name: string): ObjectName => ({ database, schema, name });

describe('NameMap', () => {
  it.each<[string, [ObjectName, number][], ObjectName, number | undefined]>([
    ['an empty map', [], n('materialize', 'public', 'a'), undefined],
    ['the same name, another object', [[n('materialize', 'public', 'a'), 1]], { database: 'materialize', schema: 'public', name: 'a' }, 1],
    ['another database', [[n('materialize', 'public', 'a'), 1]], n('other', 'public', 'a'), undefined],
    ['another schema', [[n('materialize', 'public', 'a'), 1]], n('materialize', 'raw', 'a'), undefined],
    ['case matters', [[n('materialize', 'public', 'a'), 1]], n('materialize', 'public', 'A'), undefined],
    ['dots are parts of a name, not separators', [[n('a.b', 'c', 'd'), 1]], n('a', 'b.c', 'd'), undefined],
    ['a later value replaces an earlier one', [[n('m', 'p', 'a'), 1], [n('m', 'p', 'a'), 2]], n('m', 'p', 'a'), 2],
    ['names beside each other', [[n('m', 'p', 'a'), 1], [n('m', 'p', 'b'), 2], [n('m', 'q', 'a'), 3]], n('m', 'q', 'a'), 3],
  ])('%s', (_what, entries, looked, expected) => {
    const map = new NameMap<number>();
    for (const [name, value] of entries) map.set(name, value);
    expect(map.get(looked)).toBe(expected);
    expect(map.has(looked)).toBe(expected !== undefined);
  });

  it('deletes one name only', () => {
    const map = new NameMap<number>().set(n('m', 'p', 'a'), 1).set(n('m', 'p', 'b'), 2);
    expect(map.delete(n('m', 'p', 'a'))).toBe(true);
    expect(map.delete(n('m', 'p', 'a'))).toBe(false);
    expect(map.delete(n('x', 'p', 'a'))).toBe(false);
    expect([map.has(n('m', 'p', 'a')), map.get(n('m', 'p', 'b'))]).toEqual([false, 2]);
  });
});
