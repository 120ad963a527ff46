import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogRows, toActualState } from '../../../src/catalog/index.js';
import { writeManifest } from '../../../src/import/index.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { type MzObject, displayName } from '../../../src/model/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { loadDesired, planChanges } from '../../../src/pipeline/index.js';
import { pgConnection, pgSource, secret } from '../diff/fixtures.js';
import { catalogRowsFor } from './catalog-rows.js';

const examples = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).sort();
const anyValue = new Proxy({} as Record<string, string | undefined>, { get: (_t, name) => `value-of-${String(name)}` });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mzform-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The example's objects as if created by hand, imported, loaded back and planned. */
async function importExample(file: string, tweak: (o: MzObject) => MzObject = (o) => o) {
  const desired = await loadDesired(`examples/${file}`, anyValue);
  const objects = desired.objects.map(tweak);
  const actual = toActualState(catalogRowsFor(objects));
  const result = writeManifest(actual, { schemas: desired.scope, objects: [] });
  const path = join(dir, file);
  await writeFile(path, result.manifest);
  const env = Object.fromEntries(result.variables.map((v) => [v.variable, `set-${v.variable}`]));
  const imported = await loadManifest(path, { env });
  return { objects, actual, result, imported, env };
}

describe('mzform import', () => {
  it.each(examples)('%s: imported, then plan shows no changes', async (file) => {
    const { actual, result, imported, env } = await importExample(file);
    const plan = planChanges(imported, actual, { env });
    expect(plan.steps).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
    expect(renderPlanText(plan)).toMatch(/No changes\.\n$/);
    // Every object came back, with the same names.
    expect(imported.objects.map((o) => displayName(o.name)).sort()).toEqual(actual.objects.map((o) => displayName(o.object.name)).sort());
    // One variable per secret, each named in the manifest.
    const secrets = actual.objects.filter((o) => o.object.kind === 'secret');
    expect(result.variables).toHaveLength(secrets.length);
    for (const v of result.variables) expect(result.manifest).toContain(`\${env:${v.variable}}`);
  });

  it.each([
    { connectedRole: 'materialize', owners: ['materialize', 'materialize'], written: [] },
    { connectedRole: 'materialize', owners: ['materialize', 'ops'], written: ['ops'] },
    { connectedRole: 'ops', owners: ['materialize', 'ops'], written: ['materialize'] },
    { connectedRole: 'ci', owners: ['ops', 'ops'], written: ['ops', 'ops'] },
    { connectedRole: undefined, owners: ['materialize', 'materialize'], written: ['materialize', 'materialize'] },
  ])('connected as $connectedRole, owners $owners: writes owner $written', ({ connectedRole, owners, written }) => {
    const objects = owners.map((owner, i) => ({ ...secret(`s${i}`), owner }));
    const result = writeManifest(toActualState(catalogRowsFor(objects)), { schemas: [{ database: 'materialize', schema: 'public' }], objects: [] }, connectedRole === undefined ? {} : { connectedRole });
    expect([...result.manifest.matchAll(/owner: (\w+)/g)].map((m) => m[1])).toEqual(written);
  });

  it.each(examples)('%s: with MZFORM_FINGERPRINT_KEY set, the only steps set each secret once (no fingerprint stored yet)', async (file) => {
    const { actual, imported, env } = await importExample(file);
    const plan = planChanges(imported, actual, { env: { ...env, MZFORM_FINGERPRINT_KEY: 'k' } });
    const secrets = actual.objects.filter((o) => o.object.kind === 'secret').length;
    expect(plan.steps).toHaveLength(secrets);
    for (const step of plan.steps) {
      expect(step.objectKind).toBe('secret');
      expect(step.reason).toBe('no fingerprint is stored, so the current value is unknown');
    }
  });

  it.each(examples)('%s: comments and owners are kept, and the same catalog gives the same bytes', async (file) => {
    let i = 0;
    // `${...}` in catalog text is text, not a reference: it must read back unchanged.
    const comment = (n: number) => `Managed by team ${n}: "quoted" # not a YAML comment, \${env:HOME} $\${x}`;
    const { result, imported, actual, env } = await importExample(file, (o) => ({ ...o, comment: comment(i), owner: `role_${i++}` }));
    expect(planChanges(imported, actual, { env }).steps).toEqual([]);
    for (const o of imported.objects) {
      expect(o.comment).toMatch(/^Managed by team \d+: "quoted" # not a YAML comment, \$\{env:HOME\} \$\$\{x\}$/);
      expect(o.owner).toMatch(/^role_\d+$/);
    }
    expect(writeManifest(actual, { schemas: imported.scope, objects: [] }).manifest).toBe(result.manifest);
  });
});

describe('mzform import of a source whose tables live only in subsources (newer servers)', () => {
  const conn = pgConnection('pg');
  const source = pgSource('shop', 'pg', ['orders', 'items']);
  /** The rows a newer server gives: no FOR TABLES in the source's create_sql, one subsource per table. */
  const newerRows = (sourceTables: boolean, subsources: readonly string[] = ['orders', 'items']): CatalogRows => {
    const rows = catalogRowsFor([secret('pg_password'), conn, source]);
    const objects = rows.objects.map((o) => (o.name === 'shop' ? { ...o, create_sql: (o.create_sql ?? '').replace(/ FOR TABLES \(.*\)$/, '') } : o));
    const ids = subsources.map((_, i) => `u${10 + i}`);
    return {
      ...rows,
      objects: [
        ...objects,
        ...subsources.map((t, i) => ({ ...objects[2]!, id: ids[i]!, name: t, type: 'subsource', cluster_name: null, create_sql: `CREATE SUBSOURCE "materialize"."public"."${t}" OF SOURCE [u3]` })),
      ],
      dependencies: [...rows.dependencies, ...ids.map((id) => ({ object_id: id, referenced_object_id: 'u3' }))],
      ...(sourceTables ? { sourceTables: subsources.map((t, i) => ({ id: ids[i]!, schema_name: 'public', table_name: t })) } : { sourceTables: undefined }),
    };
  };
  const imported = async (rows: CatalogRows, name: string) => {
    const actual = toActualState(rows);
    const result = writeManifest(actual, { schemas: [{ database: 'materialize', schema: 'public' }], objects: [] });
    const path = join(dir, name);
    await writeFile(path, result.manifest);
    const env = Object.fromEntries(result.variables.map((v) => [v.variable, `set-${v.variable}`]));
    return { result, plan: planChanges(await loadManifest(path, { env }), actual, { env }) };
  };

  it('writes no table list when no subsource is left (a v26 source, whose tables are tables from the source), and plans no changes', async () => {
    const { result, plan } = await imported(newerRows(true, []), 'none-left.yaml');
    expect(result.manifest).not.toContain('tables:');
    expect(result.manifest).toContain('    publication: ');
    expect(result.notes).toEqual([]);
    expect(plan.steps).toEqual([]);
  });

  it('writes the real table list, sorted, and plans no changes', async () => {
    const { result, plan } = await imported(newerRows(true), 'newer.yaml');
    expect(result.manifest).toContain('    tables:\n      - public.items\n      - public.orders\n');
    expect(result.notes).toEqual([]);
    expect(plan.steps).toEqual([]);
  });

  it.each<[string, CatalogRows, RegExp]>([
    ['the upstream tables were not read (a dump from an older mzform)', newerRows(false), /no upstream tables for its subsources/],
  ])('writes "tables: all" with a note when %s, and plans no changes', async (_title, rows, note) => {
    const { result, plan } = await imported(rows, 'unknown.yaml');
    expect(result.manifest).toContain('    tables: all\n');
    expect(result.notes).toEqual([expect.stringMatching(note)]);
    expect(plan.steps).toEqual([]);
  });
});
