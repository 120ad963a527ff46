import { describe, expect, it } from 'vitest';
import { compareNames, displayName, nameKey } from '../../../src/model/names.js';

describe('object names', () => {
  it.each([
    [{ database: 'materialize', schema: 'public', name: 'kafka' }, 'materialize.public.kafka'],
    [{ database: 'materialize', schema: 'public', name: 'a.b' }, 'materialize.public."a.b"'],
    [{ database: 'materialize', schema: 'public', name: 'say "hi"' }, 'materialize.public."say ""hi"""'],
    [{ database: 'Mat', schema: 'public', name: 'é' }, '"Mat".public."é"'],
  ])('displays %j as %s', (name, shown) => {
    expect(displayName(name)).toBe(shown);
  });

  it('keys do not collide when parts contain dots', () => {
    expect(nameKey({ database: 'a.b', schema: 'c', name: 'd' })).not.toBe(nameKey({ database: 'a', schema: 'b.c', name: 'd' }));
  });

  it('orders by database, then schema, then name', () => {
    const names = [
      { database: 'b', schema: 'a', name: 'a' },
      { database: 'a', schema: 'b', name: 'a' },
      { database: 'a', schema: 'a', name: 'b' },
    ];
    expect([...names].sort(compareNames).map((n) => `${n.database}${n.schema}${n.name}`)).toEqual(['aab', 'aba', 'baa']);
  });
});
