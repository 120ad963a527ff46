import { describe, expect, it } from 'vitest';
import { canonicalJson, sameValue } from '../../../src/diff/index.js';

/** sameValue decides what comparing canonical JSON texts decides, without building them. */
const pairs: [string, unknown, unknown][] = [
  ['equal scalars', 'a', 'a'],
  ['different strings', 'a', 'b'],
  ['a number and its text', 1, '1'],
  ['undefined on both sides', undefined, undefined],
  ['undefined and null', undefined, null],
  ['key order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
  ['a key set to undefined is absent', { a: 1, b: undefined }, { a: 1 }],
  ['a key only on one side', { a: 1 }, { a: 1, b: 2 }],
  ['undefined key against a missing one of another name', { a: 1, b: undefined }, { a: 1, c: undefined }],
  ['nested difference', { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }],
  ['list order', [1, 2], [2, 1]],
  ['list length', [1], [1, 1]],
  ['undefined in a list is null', [undefined], [null]],
  ['list against object', [1], { 0: 1 }],
  ['empty object against empty list', {}, []],
  ['object against null', {}, null],
  ['different numbers', 1, 2],
  ['zero and minus zero', 0, -0],
  ['NaN and null', Number.NaN, null],
  ['NaN and Infinity', Number.NaN, Number.POSITIVE_INFINITY],
  ['Infinity and a number', Number.POSITIVE_INFINITY, 1],
  ['true and false', true, false],
  ['a boolean and its text', true, 'true'],
  ['a number and null', 0, null],
  ['an empty string and null', '', null],
  ['NaN inside lists', [Number.NaN], [null]],
  ['a key set to NaN and one set to null', { a: Number.NaN }, { a: null }],
];

describe('sameValue', () => {
  it.each(pairs)('%s: agrees with canonical JSON', (_what, a, b) => {
    expect(sameValue(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
    expect(sameValue(b, a)).toBe(canonicalJson(a) === canonicalJson(b));
  });
});
