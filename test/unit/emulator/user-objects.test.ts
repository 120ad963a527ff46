import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, rowsOf, type Harness } from './helpers.js';

/**
 * The user's own objects over managed sources: views, materialized views,
 * tables, indexes, Kafka sinks, kept as opaque definitions with
 * Materialize's catalog rows and dependency rows. Each case cites where the
 * behaviour comes from in Materialize's repository.
 */
describe('user objects', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
    for (const sql of [
      "CREATE CONNECTION k TO KAFKA (BROKER 'k:9092', SECURITY PROTOCOL PLAINTEXT)",
      "CREATE SOURCE src FROM KAFKA CONNECTION k (TOPIC 't') FORMAT JSON",
      'CREATE SOURCE gen FROM LOAD GENERATOR COUNTER',
      'CREATE ROLE analyst',
    ]) rowsOf(await h.run(sql));
  });
  afterAll(async () => {
    await h.close();
  });

  const one = async (sql: string) => rowsOf(await h.run(sql))[0]!;

  it('CREATE VIEW stores create_sql with the names it reads resolved, and its dependency rows (builtin.rs MZ_VIEWS)', async () => {
    rowsOf(await h.run('CREATE VIEW v AS SELECT data FROM src'));
    const row = await one("SELECT id, create_sql, redacted_create_sql, definition FROM mz_views WHERE name = 'v'");
    const src = await one("SELECT id FROM mz_sources WHERE name = 'src'");
    expect(row['create_sql']).toBe(`CREATE VIEW "materialize"."public"."v" AS SELECT data FROM [${src['id'] as string} AS "materialize"."public"."src"]`);
    expect(row['redacted_create_sql']).toBe(`CREATE VIEW materialize.public.v AS SELECT data FROM [${src['id'] as string} AS materialize.public.src]`);
    expect(row['definition']).toBe('SELECT data FROM materialize.public.src;');
    const deps = rowsOf(await h.run('SELECT referenced_object_id FROM mz_internal.mz_object_dependencies WHERE object_id = $1', [row['id']]));
    expect(deps).toEqual([{ referenced_object_id: src['id'] }]);
  });

  it('CREATE MATERIALIZED VIEW IN CLUSTER gets its cluster (builtin.rs MZ_MATERIALIZED_VIEWS) and mz_objects lists it', async () => {
    rowsOf(await h.run('CREATE MATERIALIZED VIEW mv IN CLUSTER quickstart AS SELECT count(*) FROM gen'));
    const row = await one("SELECT m.create_sql, c.name AS cluster FROM mz_materialized_views m JOIN mz_clusters c ON c.id = m.cluster_id WHERE m.name = 'mv'");
    expect(row['cluster']).toBe('quickstart');
    expect(row['create_sql']).toMatch(/^CREATE MATERIALIZED VIEW "materialize"."public"."mv" IN CLUSTER \[u1\] AS SELECT count\(\*\) FROM \[u\d+ AS "materialize"."public"."gen"\]$/);
    expect(await one("SELECT type, cluster_id FROM mz_objects WHERE name = 'mv'")).toEqual({ type: 'materialized-view', cluster_id: 'u1' });
  });

  it('CREATE TABLE, CREATE INDEX (named by Materialize, ddl.rs:4091 and :4108) and CREATE SINK have their rows', async () => {
    rowsOf(await h.run('CREATE TABLE t (a int, b text)'));
    rowsOf(await h.run('CREATE INDEX ON v (data)'));
    rowsOf(await h.run('CREATE DEFAULT INDEX ON t'));
    rowsOf(await h.run("CREATE SINK snk IN CLUSTER quickstart FROM v INTO KAFKA CONNECTION k (TOPIC 'out') FORMAT JSON ENVELOPE DEBEZIUM"));
    expect(rowsOf(await h.run('SELECT name FROM mz_indexes ORDER BY name'))).toEqual([{ name: 't_primary_idx' }, { name: 'v_data_idx' }]);
    expect(await one("SELECT create_sql FROM mz_tables WHERE name = 't'")).toEqual({ create_sql: 'CREATE TABLE "materialize"."public"."t" (a int, b text)' });
    const sink = await one("SELECT type, connection_id, create_sql FROM mz_sinks WHERE name = 'snk'");
    expect(sink['type']).toBe('kafka');
    expect(sink['create_sql']).toMatch(/FROM \[u\d+ AS "materialize"."public"."v"\] INTO KAFKA CONNECTION \[u\d+ AS "materialize"."public"."k"\] \(TOPIC 'out'\)/);
    expect(rowsOf(await h.run("SELECT type FROM mz_objects WHERE name IN ('t', 'snk', 'v_data_idx') ORDER BY type"))).toEqual([{ type: 'index' }, { type: 'sink' }, { type: 'table' }]);
  });

  it.each([
    // materialized_views.slt:214 / :237, with the hint of error.rs:429.
    ['DROP SOURCE src', 'cannot drop source "src": still depended upon by view "v"'],
    ['DROP SOURCE gen', 'cannot drop source "gen": still depended upon by materialized view "mv"'],
    ['DROP VIEW v', 'cannot drop view "v": still depended upon by sink "snk"'],
    // error.rs:690 (DropViewOnMaterializedView).
    ['DROP VIEW mv', 'mv is not a view'],
    // role.slt:103.
    ['ALTER VIEW v OWNER TO nobody', "unknown role 'nobody'"],
    ['CREATE VIEW v2 AS SELECT * FROM missing', "unknown catalog item 'missing'"],
  ])('%s fails: %s', async (sql, message) => {
    expect(await h.run(sql)).toMatchObject({ error: message });
  });

  it('an index never blocks a drop (ddl.rs:5593 dependency_prevents_drop) and goes with its relation', async () => {
    rowsOf(await h.run('DROP TABLE t'));
    expect(rowsOf(await h.run("SELECT name FROM mz_indexes WHERE name = 't_primary_idx'"))).toEqual([]);
  });

  it('ALTER ... OWNER TO changes the owner; of an index it does nothing (object_ownership.slt:267-275)', async () => {
    rowsOf(await h.run('ALTER VIEW v OWNER TO analyst'));
    expect(await one("SELECT r.name FROM mz_views v JOIN mz_roles r ON r.id = v.owner_id WHERE v.name = 'v'")).toEqual({ name: 'analyst' });
    expect(await one("SELECT r.name FROM mz_indexes i JOIN mz_roles r ON r.id = i.owner_id WHERE i.name = 'v_data_idx'")).toEqual({ name: 'analyst' });
    rowsOf(await h.run('ALTER INDEX v_data_idx OWNER TO materialize'));
    expect(await one("SELECT r.name FROM mz_indexes i JOIN mz_roles r ON r.id = i.owner_id WHERE i.name = 'v_data_idx'")).toEqual({ name: 'analyst' });
  });

  it('RENAME of a source shows in the create_sql of the view over it', async () => {
    rowsOf(await h.run('ALTER SOURCE src RENAME TO src2'));
    expect((await one("SELECT create_sql FROM mz_views WHERE name = 'v'"))['create_sql']).toContain('"materialize"."public"."src2"]');
    rowsOf(await h.run('ALTER SOURCE src2 RENAME TO src'));
  });

  it('DROP ... CASCADE takes the dependents, their indexes included (materialized_views.slt:220)', async () => {
    const result = await h.run('DROP SOURCE src CASCADE');
    expect('error' in result).toBe(false);
    expect(rowsOf(await h.run("SELECT name FROM mz_objects WHERE name IN ('src', 'v', 'v_data_idx', 'snk')"))).toEqual([]);
    expect(rowsOf(await h.run("SELECT count(*)::int AS n FROM mz_internal.mz_object_dependencies d LEFT JOIN mz_objects o ON o.id = d.object_id WHERE o.id IS NULL"))).toEqual([{ n: 0 }]);
  });
});

/** Where v26 releases differ, the `version` setting picks the behaviour. */
describe.each([
  // 26.7 to 26.18: upstream names quoted where needed; from 26.19 plain (builtin_table_updates.rs:441).
  ['v26.7.0', '2600700', '"Shop"', '"Space Table"'],
  ['v26.18.0', '2601800', '"Shop"', '"Space Table"'],
  ['v26.19.0', '2601900', 'Shop', 'Space Table'],
])('version %s', (version, versionNum, schemaName, tableName) => {
  it('reports itself and writes mz_postgres_source_tables names as that version does', async () => {
    const h = await openHarness({ version, upstreamTables: { pg: ['Shop.Space Table', 'public.orders'] } });
    try {
      expect(rowsOf(await h.run('SELECT mz_version() AS v, mz_version_num() AS n'))[0]).toEqual({ v: `${version} (emulator)`, n: Number(versionNum) });
      rowsOf(await h.run("CREATE CONNECTION pg TO POSTGRES (HOST 'pg', USER 'u', DATABASE 'postgres')"));
      rowsOf(await h.run("CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR ALL TABLES"));
      expect(rowsOf(await h.run('SELECT schema_name, table_name FROM mz_internal.mz_postgres_source_tables ORDER BY table_name'))).toEqual([
        { schema_name: schemaName, table_name: tableName },
        { schema_name: 'public', table_name: 'orders' },
      ]);
    } finally {
      await h.close();
    }
  });
});
