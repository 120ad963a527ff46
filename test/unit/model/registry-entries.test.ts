import { describe, expect, it } from 'vitest';
import {
  CONNECTION_REGISTRY,
  CONNECTION_TYPES,
  SOURCE_REGISTRY,
  SOURCE_TYPES,
  connectionEntries,
  connectionEntry,
  sourceEntries,
  sourceEntry,
} from '../../../src/model/index.js';

/**
 * The entry lists are read for every object of a manifest and a catalog:
 * they are made once per type, in registry order, and cannot be changed by
 * a caller.
 */
describe('registry entry lists', () => {
  const tables = [
    ...CONNECTION_TYPES.map((type) => ({ what: `${type} connection`, table: CONNECTION_REGISTRY[type] as object, entries: () => connectionEntries(type), one: (f: string) => connectionEntry(type, f) })),
    ...SOURCE_TYPES.map((type) => ({ what: `${type} source`, table: SOURCE_REGISTRY[type] as object, entries: () => sourceEntries(type), one: (f: string) => sourceEntry(type, f) })),
  ];

  it.each(tables)('$what: every field with its entry, in registry order', ({ table, entries, one }) => {
    expect(entries()).toEqual(Object.entries(table));
    for (const [field, entry] of entries()) expect(one(field)).toBe(entry);
  });

  it.each(tables)('$what: one list, made once and frozen', ({ entries }) => {
    expect(entries()).toBe(entries());
    expect(Object.isFrozen(entries())).toBe(true);
    for (const pair of entries()) expect(Object.isFrozen(pair)).toBe(true);
  });
});
