import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/manifest/index.js';
import { nameKey, type ObjectName } from '../../../src/model/index.js';
import type { MzObject, Source } from '../../../src/model/objects.js';
import { parseCreateSql, parseStatements, renderCreate } from '../../../src/sql/index.js';

/** Any `${env:NAME}` or `${file:...}` resolves to a placeholder value: only definitions matter here. */
const env = new Proxy({} as Record<string, string>, { get: () => 'placeholder-value' });
const readFile = () => 'placeholder-file';

const files = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** What a CREATE statement carries: not the comment or owner (separate statements), nor the secret value (spliced at execution). */
function definitionOf(object: MzObject): MzObject {
  const { comment: _comment, owner: _owner, ...rest } = object;
  if (rest.kind === 'secret') {
    const { value: _value, ...secret } = rest;
    return secret;
  }
  return rest;
}

describe('every object of every example manifest: parse(render(m)) equals m', () => {
  it('finds the examples', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  const cases = files.flatMap((file) => {
    const state = parseManifest(readFileSync(`examples/${file}`, 'utf8'), `examples/${file}`, env, readFile);
    // A table's statement does not say its source's type: the catalog row does (mz_tables.source_id), here the manifest.
    const sourceTypeOf = (name: ObjectName) => state.objects.find((o): o is Source => o.kind === 'source' && nameKey(o.name) === nameKey(name))?.spec.type;
    return state.objects.map((object) => [`${file}: ${object.kind} ${object.name.name}`, object, sourceTypeOf] as const);
  });

  it.each(cases)('%s', (_, object, sourceTypeOf) => {
    const statement = renderCreate(object);
    expect(parseStatements(statement.sql)).toHaveLength(1);
    const parsed = parseCreateSql(statement.sql, { defaultDatabase: 'materialize', defaultSchema: 'public', sourceTypeOf }).object;
    expect(parsed).toEqual(definitionOf(object));
  });
});
