import { describe, expect, it } from 'vitest';
import { upstreamName } from '../../../src/catalog/upstream-names.js';

describe('upstreamName', () => {
  it.each([
    ['orders', 'orders'],
    ['"Orders"', 'Orders'],
    ['"space table"', 'space table'],
    ['"a""b"', 'a"b'],
    ['Orders', 'Orders'],
    ['space table', 'space table'],
    // Not the quoted form (an inner quote is not doubled): the name as given.
    ['"a"b"', '"a"b"'],
    ['"', '"'],
    ['', ''],
  ])('%s reads as %s', (raw, name) => {
    expect(upstreamName(raw)).toBe(name);
  });
});
