import { describe, expect, it } from 'vitest';
import { ItemMap, type Item } from '../../../src/emulator/catalog/store.js';

const secret = (id: string, schemaId: string, name: string): Item => ({ kind: 'secret', id, oid: 1, schemaId, name, ownerId: 'u1', value: '' });

describe('ItemMap name index', () => {
  it('finds items by schema and name after set, a renamed copy, replace and delete', () => {
    const items = new ItemMap();
    const a = secret('u1', 'u3', 'a');
    items.set('u1', a);
    items.set('u2', secret('u2', 'u4', 'a'));
    expect(items.byName('u3', 'a')?.id).toBe('u1');
    expect(items.byName('u4', 'a')?.id).toBe('u2');

    items.set('u1', { ...a, name: 'b' });
    expect(items.byName('u3', 'a')).toBeUndefined();
    expect(items.byName('u3', 'b')?.id).toBe('u1');

    items.set('u1', secret('u1', 'u3', 'c'));
    expect(items.byName('u3', 'b')).toBeUndefined();
    expect(items.byName('u3', 'c')?.id).toBe('u1');

    items.delete('u1');
    expect(items.byName('u3', 'c')).toBeUndefined();
    items.clear();
    expect(items.byName('u4', 'a')).toBeUndefined();
  });

  it('keeps names with the separator character apart', () => {
    const items = new ItemMap();
    items.set('u1', secret('u1', 'u3', 'x\0y'));
    expect(items.byName('u3\0x', 'y')).toBeUndefined();
    expect(items.byName('u3', 'x\0y')?.id).toBe('u1');
  });
});
