import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../src/manifest/index.js';
import { updatingGolden } from '../../golden-mode.js';

const FILE = 'schemas/manifest.schema.json';

/** Every `properties` entry anywhere in the schema, with its JSON path. */
function properties(node: unknown, path: string, out: [string, Record<string, unknown>][]): [string, Record<string, unknown>][] {
  if (Array.isArray(node)) node.forEach((n, i) => properties(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [name, schema] of Object.entries(value)) out.push([`${path}.properties.${name}`, schema as Record<string, unknown>]);
      }
      properties(value, `${path}.${key}`, out);
    }
  }
  return out;
}

describe('schemas/manifest.schema.json', () => {
  it('is the schema the loader validates with (UPDATE_GOLDEN=1 rewrites it)', () => {
    const generated = `${JSON.stringify(manifestSchema, null, 2)}\n`;
    if (updatingGolden()) writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });

  it('describes every property an editor can complete', () => {
    // `if` clauses only select a branch: their properties are never shown to users.
    const described = properties(manifestSchema, '$', []).filter(([path]) => !path.includes('.if.'));
    expect(described.length).toBeGreaterThan(100);
    const missing = described.filter(([, schema]) => typeof schema.description !== 'string' || schema.description === '').map(([p]) => p);
    expect(missing).toEqual([]);
  });
});
