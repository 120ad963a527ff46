import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemRows } from '../../../src/emulator/catalog/item-rows.js';
import { ITEM_TABLES } from '../../../src/emulator/catalog/schema.js';
import { defaultCatalog } from '../../../src/emulator/catalog/store.js';
import { Catalog } from '../../../src/emulator/catalog/transaction.js';
import type { TableRows } from '../../../src/emulator/catalog/row-changes.js';
import { EngineRowWriter } from '../../../src/emulator/catalog/writer.js';
import { planStatement } from '../../../src/emulator/ddl/planners.js';
import { Engine } from '../../../src/emulator/engine.js';
import { parseDdl } from '../../../src/emulator/parse.js';
import { defaultSettings } from '../../../src/emulator/settings.js';
import { defaultVariables } from '../../../src/emulator/version.js';
import { SystemVars } from '../../../src/emulator/system/system-vars.js';

/**
 * A statement's operations change the store and the catalog rows together or
 * not at all: a write that fails half-way (here, the row of one object is
 * made unwritable) leaves both as they were.
 */
describe('catalog transaction', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.start();
  });
  afterAll(async () => {
    await engine.close();
  });

  async function fresh(armed?: string) {
    let failOn = armed;
    const settings = defaultSettings();
    const rowsOf = (store: ReturnType<typeof defaultCatalog>, id: string): TableRows => {
      const rows = itemRows(store, settings, id);
      // The injected failure: a row for a column that does not exist, so the INSERT fails inside the Postgres transaction.
      if (store.items.get(id)?.name === failOn) return { ...rows, 'mz_catalog.mz_sources': [{ id, no_such_column: 1 }] };
      return rows;
    };
    const catalog = new Catalog(defaultCatalog(), new EngineRowWriter(engine), rowsOf);
    // One engine serves every case: start each from empty item tables.
    await engine.exclusive(async (db) => {
      for (const { table } of ITEM_TABLES) await db.query(`DELETE FROM ${table}`);
    });
    await catalog.writeAll();
    const run = (sql: string) => catalog.transact((store) => planStatement({ store, settings, systemVars: new SystemVars(), vars: new Map(defaultVariables()) }, parseDdl(sql)));
    return { catalog, run, arm: (name: string) => (failOn = name) };
  }

  const names = async (table: string) =>
    engine.exclusive(async (db) => (await db.query<{ name: string }>(`SELECT name FROM ${table} ORDER BY name`)).rows.map((r) => r.name));

  it('writes the store and the rows of every operation', async () => {
    const { catalog, run } = await fresh();
    await run("CREATE CONNECTION pg TO POSTGRES (HOST 'pg', USER 'u', DATABASE 'postgres')");
    await run("CREATE SOURCE src FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR ALL TABLES");
    const inStore = [...catalog.store.items.values()].filter((i) => i.kind === 'source').map((i) => i.name).sort();
    expect(inStore).toEqual(['customers', 'orders', 'src', 'src_progress']);
    expect(await names('mz_catalog.mz_sources')).toEqual(inStore);
  });

  it('leaves store, rows and id counters unchanged when writing a CREATE SOURCE fails half-way', async () => {
    const { catalog, run } = await fresh('orders');
    await run("CREATE CONNECTION pg TO POSTGRES (HOST 'pg', USER 'u', DATABASE 'postgres')");
    const before = { items: [...catalog.store.items.keys()], counters: catalog.store.counters() };
    await expect(run("CREATE SOURCE src FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR ALL TABLES")).rejects.toThrow(/no_such_column/);
    expect([...catalog.store.items.keys()]).toEqual(before.items);
    expect(catalog.store.counters()).toEqual(before.counters);
    expect(catalog.store.itemByName('u3', 'src')).toBeUndefined();
    expect(await names('mz_catalog.mz_sources')).toEqual([]);
    expect(await names('mz_catalog.mz_connections')).toEqual(['pg']);
  });

  it('puts a renamed item back, name index included, when rewriting a dependent fails', async () => {
    const { catalog, run, arm } = await fresh();
    await run("CREATE CONNECTION k TO KAFKA (BROKER 'k:9092')");
    await run("CREATE SOURCE src FROM KAFKA CONNECTION k (TOPIC 't') FORMAT JSON");
    arm('src');
    await expect(run('ALTER CONNECTION k RENAME TO k2')).rejects.toThrow(/no_such_column/);
    expect(catalog.store.itemByName('u3', 'k')?.name).toBe('k');
    expect(catalog.store.itemByName('u3', 'k2')).toBeUndefined();
    expect(await names('mz_catalog.mz_connections')).toEqual(['k']);
    const createSql = await engine.exclusive(async (db) => (await db.query<{ create_sql: string }>("SELECT create_sql FROM mz_catalog.mz_sources WHERE name = 'src'")).rows[0]?.create_sql);
    expect(createSql).toContain('"materialize"."public"."k"]');
  });

  it('changes nothing when planning fails', async () => {
    const { catalog, run } = await fresh();
    const before = [...catalog.store.items.keys()];
    await expect(run('CREATE SOURCE src FROM KAFKA CONNECTION missing (TOPIC \'t\')')).rejects.toThrow("unknown catalog item 'missing'");
    expect([...catalog.store.items.keys()]).toEqual(before);
    expect(await names('mz_catalog.mz_sources')).toEqual([]);
  });
});
