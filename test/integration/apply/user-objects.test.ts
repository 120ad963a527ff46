import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toActualState } from '../../../src/catalog/index.js';
import { connect, type Database } from '../../../src/db/index.js';
import { writeManifest } from '../../../src/import/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { loadActual, loadDesired, planChanges, readLiveCatalogRows } from '../../../src/pipeline/index.js';
import { staticSql } from '../../../src/sql/index.js';
import { readScenario } from '../../unit/emulator/seed-scenarios.js';
import { type Emulator, startEmulator } from './emulator.js';

/**
 * A catalog as a user has it: every seed scenario (each part between resets
 * in a schema of its own), a load generator with a column list (a form mzform
 * does not model), a view over a Kafka source and a materialized view over a load
 * generator. It imports, plans to "No changes.", and a manifest edit that
 * would re-create the Kafka source is refused naming the view, which survives.
 */
const SEEDS = 'test/fixtures/emulator/seeds';

describe("the user's own objects over managed sources", () => {
  let emulator: Emulator;
  let db: Database;
  let dir: string;
  const schemas: string[] = ['public'];

  beforeAll(async () => {
    emulator = await startEmulator();
    db = await connect({ url: emulator.url, env: {} });
    dir = mkdtempSync(join(tmpdir(), 'mzform-user-objects-'));
    for (const page of readdirSync(SEEDS).filter((f) => f.endsWith('.sql')).sort()) {
      let part = 0;
      const enter = async () => {
        const schema = `seed_${page.replace(/\.sql$/, '').replaceAll('-', '_')}_${part}`;
        schemas.push(schema);
        await db.execute(`CREATE SCHEMA ${schema}`);
        await db.execute(`SET search_path = ${schema}`);
      };
      await enter();
      for (const block of readScenario(SEEDS, page)) {
        if (block.kind === 'reset') {
          part++;
          await enter();
        } else {
          await db.execute(block.sql);
        }
      }
    }
    await db.execute('SET search_path = public');
    for (const sql of [
      "CREATE CONNECTION k TO KAFKA (BROKER 'kafka:9092', SECURITY PROTOCOL PLAINTEXT)",
      "CREATE SOURCE orders FROM KAFKA CONNECTION k (TOPIC 'orders') FORMAT JSON",
      'CREATE VIEW orders_view AS SELECT data FROM orders',
      'CREATE SOURCE ticks FROM LOAD GENERATOR COUNTER',
      'CREATE MATERIALIZED VIEW ticks_total IN CLUSTER quickstart AS SELECT count(*) FROM ticks',
      'CREATE SOURCE kv (n) FROM LOAD GENERATOR COUNTER',
    ]) {
      await db.execute(sql);
    }
  });
  afterAll(async () => {
    await db?.close();
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Imports one schema into its own manifest (a manifest keys objects by name) and plans it against the emulator. */
  async function importAndPlan(schema: string) {
    const rows = await readLiveCatalogRows({ url: emulator.url, env: {} });
    const imported = writeManifest(toActualState(rows), { schemas: [{ database: 'materialize', schema }], objects: [] });
    const file = join(dir, `${schema}.yaml`);
    writeFileSync(file, imported.manifest);
    // Every variable the import names for a secret value is set; the fingerprint key is not, so values are not compared.
    const names = imported.variables.map((v) => v.variable);
    const env = new Proxy({} as Record<string, string | undefined>, { get: (_t, name) => (typeof name === 'string' && names.includes(name) ? 'value' : undefined) });
    const plan = async () => {
      const desired = await loadDesired(file, env);
      return planChanges(desired, await loadActual(db, desired), { env });
    };
    return { imported, file, plan: await plan(), replan: plan };
  }

  it('every seed scenario imports and plans to "No changes."', async () => {
    let objects = 0;
    for (const schema of schemas.filter((s) => s !== 'public')) {
      const { imported, plan } = await importAndPlan(schema);
      objects += imported.objects.length;
      expect({ schema, steps: plan.steps.map((s) => `${s.action} ${s.name.name}`) }).toEqual({ schema, steps: [] });
      expect(renderPlanText(plan)).toMatch(/No changes\.\n$/);
    }
    expect(objects).toBeGreaterThan(15);
  });

  it('the schema with the user objects imports, plans to "No changes.", and refuses to re-create the Kafka source under the view, which survives', async () => {
    const { imported, file, plan, replan } = await importAndPlan('public');
    expect(imported.objects.map((o) => o.name.name)).toEqual(['k', 'orders', 'ticks']);
    expect(imported.notes.join('\n')).toMatch(/source materialize\.public\.kv was not imported/);
    const text = renderPlanText(plan);
    expect(plan.steps).toEqual([]);
    expect(text).toMatch(/No changes\.\n$/);
    expect(text).toMatch(/source materialize\.public\.kv \(u\d+\) is kept and not managed/);

    writeFileSync(file, imported.manifest.replace(/topic: orders/, 'topic: orders_v2'));
    await expect(replan()).rejects.toThrow(
      /source materialize\.public\.orders must be replaced, but view materialize\.public\.orders_view depends on it and mzform does not manage it/,
    );
    const views = await db.query<{ name: string }>(staticSql`SELECT name FROM mz_catalog.mz_views WHERE name = 'orders_view'`);
    expect(views.map((r) => r.name)).toEqual(['orders_view']);
    const mvs = await db.query<{ name: string }>(staticSql`SELECT name FROM mz_catalog.mz_materialized_views WHERE name = 'ticks_total'`);
    expect(mvs.map((r) => r.name)).toEqual(['ticks_total']);
  });
});
