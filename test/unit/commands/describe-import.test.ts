import { describe, expect, it } from 'vitest';
import { describeImport } from '../../../src/commands/import.js';
import type { ImportResult } from '../../../src/import/write-manifest.js';
import type { ObjectKind } from '../../../src/model/index.js';

function result(kinds: readonly ObjectKind[]): ImportResult {
  return {
    manifest: '',
    variables: [],
    objects: kinds.map((kind, i) => ({ kind, name: { database: 'materialize', schema: 'public', name: `o${i}` } })),
    pulledIn: [],
    notes: [],
  };
}

describe('the line import prints about what it wrote', () => {
  it.each([
    { kinds: ['secret', 'connection', 'source'], line: 'Imported 1 secret, 1 connection and 1 source into m.yaml.' },
    { kinds: ['connection', 'connection'], line: 'Imported 0 secrets, 2 connections and 0 sources into m.yaml.' },
    // Tables from sources are counted too, and only named when there are some.
    { kinds: ['secret', 'connection', 'source', 'table', 'table'], line: 'Imported 1 secret, 1 connection, 1 source and 2 tables into m.yaml.' },
  ] as const)('$kinds', ({ kinds, line }) => {
    expect(describeImport(result(kinds), 'm.yaml').split('\n')[0]).toBe(line);
  });
});
