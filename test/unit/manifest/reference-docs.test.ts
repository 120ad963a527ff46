import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONNECTION_TYPES, SOURCE_TYPES } from '../../../src/model/index.js';
import { withOptionTables } from '../../../src/manifest/schema/reference-docs.js';

const FILE = 'docs/manifest.md';

describe('docs/manifest.md option tables', () => {
  it('has a table for every connection and source type', () => {
    const text = readFileSync(FILE, 'utf8');
    for (const type of CONNECTION_TYPES) expect(text).toContain(`<!-- connection options: ${type} -->`);
    for (const type of SOURCE_TYPES) expect(text).toContain(`<!-- source options: ${type} -->`);
  });

  it('are the option registry (UPDATE_GOLDEN=1 rewrites them)', () => {
    const text = readFileSync(FILE, 'utf8');
    const generated = withOptionTables(text);
    if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });
});
