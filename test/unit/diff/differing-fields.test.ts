import { describe, expect, it } from 'vitest';
import { differingFields } from '../../../src/diff/kinds/comparison.js';

/** The fields of two records that differ, by their manifest names, in key order, with their values before and after. */
describe('differingFields', () => {
  it.each<[string, object, object, string, { key: string; change: object }[]]>([
    ['equal records', { a: 1, b: 'x' }, { b: 'x', a: 1 }, '', []],
    ['nothing on either side', {}, {}, '', []],
    [
      'one changed field, by its manifest name',
      { saslUsername: 'new', port: 1 },
      { saslUsername: 'old', port: 1 },
      '',
      [{ key: 'saslUsername', change: { field: 'sasl_username', before: 'old', after: 'new' } }],
    ],
    [
      'keys on one side only, sorted by model key',
      { zeta: 1, alpha: 2 },
      { middle: 3 },
      '',
      [
        { key: 'alpha', change: { field: 'alpha', after: 2 } },
        { key: 'middle', change: { field: 'middle', before: 3 } },
        { key: 'zeta', change: { field: 'zeta', after: 1 } },
      ],
    ],
    ['a key set to undefined is absent', { a: 1, b: undefined }, { a: 1 }, '', []],
    ['undefined against a value', { a: undefined }, { a: 2 }, '', [{ key: 'a', change: { field: 'a', before: 2 } }]],
    ['nested values compare by content', { path: { kind: 'x', n: [1, 2] } }, { path: { n: [1, 2], kind: 'x' } }, '', []],
    ['a prefix goes before the manifest name', { textColumns: ['a'] }, { textColumns: ['b'] }, 'format.', [{ key: 'textColumns', change: { field: 'format.text_columns', before: ['b'], after: ['a'] } }]],
    [
      'upper-case keys sort before lower-case ones (code units)',
      { b: 1, B: 1, a: 1 },
      { b: 2, B: 2, a: 2 },
      '',
      [
        { key: 'B', change: { field: '_b', before: 2, after: 1 } },
        { key: 'a', change: { field: 'a', before: 2, after: 1 } },
        { key: 'b', change: { field: 'b', before: 2, after: 1 } },
      ],
    ],
  ])('%s', (_what, desired, actual, prefix, expected) => {
    expect(differingFields(desired, actual, prefix)).toStrictEqual(expected);
  });
});
