import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Connection, Source } from '../../../src/model/objects.js';
import { parseCreateSql, renderCreate } from '../../../src/sql/index.js';

/**
 * The create_sql Materialize stores for each accepted statement of
 * test/fixtures/fidelity/stored-options.json reads as the fixture's model, and
 * the model renders to a statement that reads back the same.
 */
interface Fixture {
  readonly cases: readonly { readonly from: string; readonly name: string; readonly stored: string; readonly model: unknown }[];
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/fidelity/stored-options.json', import.meta.url), 'utf8')) as Fixture;
const OPTIONS = { defaultDatabase: 'materialize', defaultSchema: 'public', resolveCluster: (id: string) => (id === 'u1' ? 'quickstart' : undefined) };

describe('stored forms of the options, read back', () => {
  it.each(fixture.cases.map((c) => [`${c.name}: ${c.from}`, c] as const))('%s', (_label, c) => {
    const object = parseCreateSql(c.stored, OPTIONS).object as Connection | Source;
    expect(object.spec).toEqual(c.model);
    const again = parseCreateSql(renderCreate(object).sql, OPTIONS).object as Connection | Source;
    expect(again.spec).toEqual(c.model);
  });
});
