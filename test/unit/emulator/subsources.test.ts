import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, rowsOf, type Harness } from './helpers.js';

/**
 * Subsources and progress subsources as Materialize v26 makes them, each
 * case citing its source in Materialize's repository.
 */
describe('subsources', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ upstreamTables: { pg: ['public.enum_table', 'public.another_enum_table'] } });
    for (const sql of [
      "CREATE CONNECTION pg TO POSTGRES (HOST 'pg', USER 'u', DATABASE 'postgres')",
      "CREATE CONNECTION k TO KAFKA (BROKER 'k:9092', SECURITY PROTOCOL PLAINTEXT)",
    ]) rowsOf(await h.run(sql));
  });
  afterAll(async () => {
    await h.close();
  });

  const showCreate = async (name: string) => rowsOf(await h.run(`SHOW CREATE SOURCE ${name}`))[0]!['create_sql'] as string;
  const sources = async (prefix: string) =>
    rowsOf(await h.run(`SELECT name, type FROM mz_sources WHERE name LIKE '${prefix}%' ORDER BY substr(id, 2)::int`)).map((r) => `${r['name'] as string}:${r['type'] as string}`);

  it('SHOW CREATE SOURCE of a subsource: CREATE SUBSOURCE ... OF SOURCE ... WITH (EXTERNAL REFERENCE, TEXT COLUMNS) (pg-cdc-old-syntax/pg-cdc.td:830)', async () => {
    rowsOf(await h.run("CREATE SOURCE enum_source FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_source', TEXT COLUMNS (enum_table.a)) FOR ALL TABLES"));
    expect(await showCreate('enum_table')).toBe(
      'CREATE SUBSOURCE materialize.public.enum_table\nOF SOURCE materialize.public.enum_source\nWITH (EXTERNAL REFERENCE = postgres.public.enum_table, TEXT COLUMNS = (a));',
    );
    expect(await showCreate('another_enum_table')).toBe(
      'CREATE SUBSOURCE materialize.public.another_enum_table\nOF SOURCE materialize.public.enum_source\nWITH (EXTERNAL REFERENCE = postgres.public.another_enum_table);',
    );
    const stored = rowsOf(await h.run("SELECT create_sql FROM mz_sources WHERE name = 'enum_table'"))[0]!['create_sql'] as string;
    expect(stored).toMatch(
      /^CREATE SUBSOURCE "materialize"."public"."enum_table" OF SOURCE \[u\d+ AS "materialize"."public"."enum_source"\] WITH \(EXTERNAL REFERENCE = "postgres"."public"."enum_table", TEXT COLUMNS = \("a"\)\)$/,
    );
  });

  it.each([
    // pure.rs:725: FORMAT, ENVELOPE, INCLUDE, FOR ... or EXPOSE PROGRESS make the old syntax, with a progress subsource created first.
    ["CREATE SOURCE k_old FROM KAFKA CONNECTION k (TOPIC 't') FORMAT JSON", 'k_old', ['k_old_progress:progress', 'k_old:kafka']],
    ["CREATE SOURCE pg_old FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (enum_table AS pg_old_t)", 'pg_old', ['pg_old_progress:progress', 'pg_old:postgres', 'pg_old_t:subsource']],
    ['CREATE SOURCE gen_old FROM LOAD GENERATOR AUCTION FOR ALL TABLES', 'gen_old_p', ['gen_old_progress:progress']],
    // The v26 form has none: the source is its own progress relation.
    ["CREATE SOURCE k_new FROM KAFKA CONNECTION k (TOPIC 't')", 'k_new', ['k_new:kafka']],
    ["CREATE SOURCE pg_new FROM POSTGRES CONNECTION pg (PUBLICATION 'p')", 'pg_new', ['pg_new:postgres']],
    ['CREATE SOURCE gen_new FROM LOAD GENERATOR COUNTER', 'gen_new', ['gen_new:load-generator']],
  ])('%s', async (sql, prefix, expected) => {
    rowsOf(await h.run(sql));
    expect(await sources(prefix)).toEqual(expected);
  });

  it('the progress subsource takes the next free name (Ident::try_generate_name, sql-parser name.rs:163) and SHOW CREATE names it (sql-server-cdc/20-column-options.td:47)', async () => {
    rowsOf(await h.run("CREATE SOURCE taken_progress FROM KAFKA CONNECTION k (TOPIC 't')"));
    rowsOf(await h.run("CREATE SOURCE taken FROM KAFKA CONNECTION k (TOPIC 't') FORMAT JSON"));
    expect(await sources('taken')).toEqual(['taken_progress:kafka', 'taken_progress_1:progress', 'taken:kafka']);
    expect(await showCreate('taken')).toBe(
      'CREATE SOURCE materialize.public.taken\nIN CLUSTER quickstart\nFROM KAFKA CONNECTION materialize.public.k (TOPIC = \'t\')\nFORMAT JSON\nEXPOSE PROGRESS AS materialize.public.taken_progress_1;',
    );
  });

  it('DROP SOURCE takes its progress subsource; the progress subsource alone cannot be dropped', async () => {
    expect(await h.run('DROP SOURCE k_old_progress')).toMatchObject({ error: 'cannot drop progress collection materialize.public.k_old_progress' });
    rowsOf(await h.run('DROP SOURCE k_old'));
    expect(await sources('k_old')).toEqual([]);
  });
});
