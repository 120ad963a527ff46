import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toActualState } from '../../../src/catalog/index.js';
import { connect } from '../../../src/db/index.js';
import { staticSql } from '../../../src/sql/quote.js';
import { writeManifest } from '../../../src/import/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { readLiveCatalogRows } from '../../../src/pipeline/index.js';
import { apply, idsByName, planAgainst } from './common.js';

/** Subsource ids by name, straight from mz_sources. */
async function subsourceIds(url: string): Promise<Map<string, string>> {
  const db = await connect({ url, env: {} });
  try {
    const rows = await db.query<{ id: string; name: string }>(staticSql`SELECT id, name FROM mz_catalog.mz_sources WHERE type = 'subsource' ORDER BY id`);
    return new Map(rows.map((r) => [r.name, r.id]));
  } finally {
    await db.close();
  }
}
import { POSTGRES_CONNECTION_YAML, useUpstreamWorkspace } from './upstream-workspace.js';

/**
 * A Postgres source's tables live only in its subsources (its create_sql
 * lists none, as on current Materialize): adding one in the manifest is one
 * ALTER SOURCE ... ADD SUBSOURCE, removing one a DROP SOURCE of its subsource, and an import
 * writes the real list.
 */
const manifest = (tables: readonly string[]) => `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
${POSTGRES_CONNECTION_YAML}sources:
  shop:
    type: postgres
    connection: pg
    publication: mz_source
    tables:
${tables.map((t) => `      - ${t}`).join('\n')}
`;

describe('a Postgres source table list against the emulator', () => {
  const ws = useUpstreamWorkspace('pg.internal', ['public.orders', 'public.customers', 'public.items'], 'mzform-tables-');
  it('applies two tables, adds a third with one ALTER, then has no changes; import lists the tables and plans no changes', async () => {
    writeFileSync(ws.file, manifest(['public.orders', '{ table: public.customers, name: clients }']));
    const first = await apply(ws.emulator.url, ws.file);
    expect(first.report.outcome).toBe('applied');
    expect(renderPlanText(await planAgainst(ws.emulator.url, ws.file))).toBe('No changes.\n');
    const before = await idsByName(ws.emulator.url, ws.file);

    writeFileSync(ws.file, manifest(['public.orders', '{ table: public.customers, name: clients }', 'public.items']));
    const plan = await planAgainst(ws.emulator.url, ws.file);
    expect(plan.steps.map((s) => `${s.action} ${s.objectKind} ${s.name.name}`)).toEqual(['alter source shop']);
    expect(plan.steps[0]?.statements.map((s) => s.sql)).toEqual(['ALTER SOURCE "materialize"."public"."shop" ADD SUBSOURCE "public"."items" AS "materialize"."public"."items"']);
    expect(plan.steps[0]?.hazards).toEqual([]);
    const second = await apply(ws.emulator.url, ws.file);
    expect(second.report.outcome).toBe('applied');
    expect(renderPlanText(await planAgainst(ws.emulator.url, ws.file))).toBe('No changes.\n');
    // Altered in place: the source kept its id.
    expect((await idsByName(ws.emulator.url, ws.file)).get('source public.shop')).toBe(before.get('source public.shop'));

    const imported = writeManifest(toActualState(await readLiveCatalogRows({ url: ws.emulator.url, env: {} })), {
      schemas: [{ database: 'materialize', schema: 'public' }],
      objects: [],
    });
    expect(imported.manifest).not.toContain('tables: all');
    expect(imported.manifest).toMatch(/tables:\n\s+- table: public\.customers\n\s+name: clients\n\s+- public\.items\n\s+- public\.orders\n/);
    const importedFile = join(ws.dir, 'imported.yaml');
    writeFileSync(importedFile, imported.manifest);
    expect(renderPlanText(await planAgainst(ws.emulator.url, importedFile))).toBe('No changes.\n');
  });

  it('drops exactly the subsource of a table removed (the source keeps its id), and adding it back creates just it', async () => {
    const before = await idsByName(ws.emulator.url, ws.file);
    writeFileSync(ws.file, manifest(['public.orders', 'public.items']));
    const plan = await planAgainst(ws.emulator.url, ws.file);
    expect(plan.steps.map((s) => `${s.action} ${s.objectKind} ${s.name.name}`)).toEqual(['alter source shop']);
    // doc/user/content/sql/alter-source.md:91-98: a subsource is dropped with DROP SOURCE.
    expect(plan.steps[0]?.statements.map((s) => s.sql)).toEqual(['DROP SOURCE "materialize"."public"."clients"']);
    expect(plan.steps[0]?.hazards.map((h) => h.code)).toEqual(['subsource-drop']);
    await expect(apply(ws.emulator.url, ws.file)).rejects.toThrow(/step 1: alter source materialize\.public\.shop: subsource-drop/);
    const applied = await apply(ws.emulator.url, ws.file, { allowHazards: new Set(['subsource-drop']) });
    expect(applied.report.outcome, JSON.stringify(applied.report.steps.find((s) => s.error))).toBe('applied');
    expect(renderPlanText(await planAgainst(ws.emulator.url, ws.file))).toBe('No changes.\n');
    const afterDrop = await idsByName(ws.emulator.url, ws.file);
    expect(afterDrop.get('source public.shop')).toBe(before.get('source public.shop'));
    const subsources = await subsourceIds(ws.emulator.url);
    expect([...subsources.keys()].sort()).toEqual(['items', 'orders']);

    writeFileSync(ws.file, manifest(['public.orders', '{ table: public.customers, name: clients }', 'public.items']));
    const again = await planAgainst(ws.emulator.url, ws.file);
    expect(again.steps.flatMap((s) => s.statements.map((st) => st.sql))).toEqual([
      'ALTER SOURCE "materialize"."public"."shop" ADD SUBSOURCE "public"."customers" AS "materialize"."public"."clients"',
    ]);
    expect((await apply(ws.emulator.url, ws.file)).report.outcome).toBe('applied');
    expect(renderPlanText(await planAgainst(ws.emulator.url, ws.file))).toBe('No changes.\n');
    expect((await idsByName(ws.emulator.url, ws.file)).get('source public.shop')).toBe(before.get('source public.shop'));
    const after = await subsourceIds(ws.emulator.url);
    // The other subsources are the same objects; only the table added back is new.
    expect(after.get('orders')).toBe(subsources.get('orders'));
    expect(after.get('items')).toBe(subsources.get('items'));
    expect(after.has('clients')).toBe(true);
  });

  it('keeps a subsource in another schema (FOR TABLES (t AS other.t)), plans no changes, imports it with its schema', async () => {
    const db = await connect({ url: ws.emulator.url, env: {} });
    await db.execute('CREATE SCHEMA IF NOT EXISTS "materialize"."staging"');
    await db.close();
    // test/pg-cdc-old-syntax/create-views-from-source-in-schema.td:45
    writeFileSync(ws.file, manifest(['public.orders', '{ table: public.customers, name: clients }', '{ table: public.items, schema: staging }']));
    const plan = await planAgainst(ws.emulator.url, ws.file);
    // RENAME TO stays in the schema: moving a subsource elsewhere drops it and adds it there.
    expect(plan.steps.flatMap((s) => s.statements.map((st) => st.sql))).toEqual([
      'DROP SOURCE "materialize"."public"."items"',
      'ALTER SOURCE "materialize"."public"."shop" ADD SUBSOURCE "public"."items" AS "materialize"."staging"."items"',
    ]);
    expect((await apply(ws.emulator.url, ws.file, { allowHazards: new Set(['subsource-drop']) })).report.outcome).toBe('applied');
    expect(renderPlanText(await planAgainst(ws.emulator.url, ws.file))).toBe('No changes.\n');

    const imported = writeManifest(toActualState(await readLiveCatalogRows({ url: ws.emulator.url, env: {} })), {
      schemas: [{ database: 'materialize', schema: 'public' }],
      objects: [],
    });
    expect(imported.manifest).toMatch(/- table: public\.items\n\s+name: items\n\s+schema: staging\n/);
    const importedFile = join(ws.dir, 'imported-elsewhere.yaml');
    writeFileSync(importedFile, imported.manifest);
    expect(renderPlanText(await planAgainst(ws.emulator.url, importedFile))).toBe('No changes.\n');
  });
});
