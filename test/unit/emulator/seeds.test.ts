import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MzObject, type SourceSpec, withDefaults } from '../../../src/model/index.js';
import { parseCreateSql, parseStatement, statementToModel } from '../../../src/sql/index.js';
import { readStatementFixtures, type StatementFixture } from '../sql/fixture-file.js';
import { openHarness, rowsOf, type Harness } from './helpers.js';
import { type Block, readScenario as readScenarioIn } from './seed-scenarios.js';

const readScenario = (file: string) => readScenarioIn(DIR, file);

/**
 * Every statement of the seed pages runs on the emulator (test/fixtures/emulator/seeds, one
 * scenario per page). A scenario is a list of blocks, each introduced by one directive:
 *
 *   -- @statement <page> line <n>             the page's statement as printed
 *   -- @statement <page> line <n> corrected   it does not run as printed; the corrected form,
 *                                             which is the one in doc-fixes.sql when there is one
 *   -- @setup [why]                           something the page assumes but does not show
 *   -- @reset <why>                           start again from an empty catalog (no statement)
 *
 * followed by optional `-- @rows <n>` (rows a SELECT returns) and `-- @note <text>` lines, then
 * the SQL. Each statement must succeed; for CREATE CONNECTION / SOURCE, the stored create_sql and
 * the SHOW CREATE text must both read back to the model of the statement as written (qualified
 * with materialize.public, defaults applied on both sides).
 */
const DIR = 'test/fixtures/emulator/seeds';
const AT = { defaultDatabase: 'materialize', defaultSchema: 'public', defaultCluster: 'quickstart' } as const;
/** The emulator's upstream tables for a Postgres host nobody configured. */
const DEFAULT_UPSTREAM = [['public', 'customers'], ['public', 'orders']];

const pages = readdirSync(DIR).filter((f) => f.endsWith('.sql')).sort();
const seedStatements = readStatementFixtures('test/fixtures/sql/seeds');
const docFixes = readStatementFixtures('test/fixtures/sql').filter((f) => f.file === 'doc-fixes.sql');

/** The doc fix of a seed statement: the one written for it, else one for an identical statement (placeholders). */
function docFixFor(seed: StatementFixture): StatementFixture | undefined {
  const of = (f: StatementFixture) => f.origin.replace(/^fix of /, '').replace(/ \(.*$/, '');
  return (
    docFixes.find((f) => of(f) === seed.origin) ??
    docFixes.find((f) => seedStatements.some((s) => s.sql === seed.sql && s.origin === of(f)))
  );
}

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h.close();
});

/** Drops every user source, connection and secret: dependents first, as DROP without CASCADE needs. */
async function resetCatalog(): Promise<void> {
  const sources = rowsOf(await h.run("SELECT name FROM mz_sources WHERE id LIKE 'u%' AND type NOT IN ('subsource', 'progress')"));
  for (const r of sources) rowsOf(await h.run(`DROP SOURCE "${String(r['name'])}" CASCADE`));
  for (;;) {
    const leaves = rowsOf(
      await h.run(`SELECT name FROM mz_connections c WHERE id LIKE 'u%'
        AND NOT EXISTS (SELECT 1 FROM mz_internal.mz_object_dependencies d WHERE d.referenced_object_id = c.id)`),
    );
    if (leaves.length === 0) break;
    for (const r of leaves) rowsOf(await h.run(`DROP CONNECTION "${String(r['name'])}"`));
  }
  for (const r of rowsOf(await h.run("SELECT name FROM mz_secrets WHERE id LIKE 'u%'"))) rowsOf(await h.run(`DROP SECRET "${String(r['name'])}"`));
  const left = rowsOf(await h.run("SELECT id FROM mz_connections WHERE id LIKE 'u%' UNION ALL SELECT id FROM mz_sources WHERE id LIKE 'u%'"));
  expect(left).toEqual([]);
}

/** The model of a CREATE as written, qualified with materialize.public, with the server's defaults. */
function modelOf(sql: string, options: Parameters<typeof statementToModel>[1] = AT): { object: MzObject; tablesFromSubsources: boolean } {
  const { object, outputs } = statementToModel(parseStatement(sql), options);
  return { object: withDefaults(object), tablesFromSubsources: outputs.tablesFromSubsources === true };
}

function tablesOf(object: MzObject): SourceSpec | undefined {
  return object.kind === 'source' ? object.spec : undefined;
}

/**
 * With Postgres / MySQL `FOR ALL TABLES`, the server lists the upstream's tables instead, as
 * subsources; Postgres references name the upstream database too (`prefix`).
 */
function expectedFor(input: MzObject, read: MzObject, prefix: readonly string[]): MzObject {
  return withProgressOf(tablesExpectedFor(input, read, prefix), read);
}

/** Without EXPOSE PROGRESS AS, Materialize names the progress subsource `<source>_progress` (src/sql/src/pure.rs:1255). */
function withProgressOf(expected: MzObject, read: MzObject): MzObject {
  if (expected.kind !== 'source' || read.kind !== 'source' || expected.spec.exposeProgress !== undefined || read.spec.exposeProgress === undefined) return expected;
  expect(read.spec.exposeProgress).toEqual({ ...expected.name, name: `${expected.name.name}_progress` });
  return { ...expected, spec: { ...expected.spec, exposeProgress: read.spec.exposeProgress } } as MzObject;
}

function tablesExpectedFor(input: MzObject, read: MzObject, prefix: readonly string[]): MzObject {
  const spec = tablesOf(input);
  const got = tablesOf(read);
  if (spec && got && (spec.type === 'postgres' || spec.type === 'mysql') && spec.tables.kind === 'all' && got.type === spec.type) {
    expect(got.tables.kind).toBe('tables');
    if (got.tables.kind === 'tables') expect(got.tables.tables.map((t) => t.reference).sort()).toEqual(DEFAULT_UPSTREAM.map((r) => [...prefix, ...r]));
    return { ...input, spec: { ...spec, tables: got.tables } } as MzObject;
  }
  return input;
}

async function clusterNames(): Promise<Map<string, string>> {
  return new Map(rowsOf(await h.run('SELECT id, name FROM mz_clusters')).map((r) => [String(r['id']), String(r['name'])]));
}

/** A Postgres source's upstream references start with its connection's database. */
async function upstreamDatabase(object: MzObject): Promise<readonly string[]> {
  if (object.kind !== 'source' || object.spec.type !== 'postgres') return [];
  const rows = rowsOf(await h.run('SELECT create_sql FROM mz_connections WHERE name = $1', [object.spec.connection.name]));
  const connection = parseCreateSql(String(rows[0]!['create_sql']), AT).object;
  return connection.kind === 'connection' && connection.spec.type === 'postgres' ? [connection.spec.database] : [];
}

async function checkCreate(sql: string): Promise<void> {
  const input = modelOf(sql).object;
  if (input.kind === 'secret') {
    expect(rowsOf(await h.run('SELECT id FROM mz_secrets WHERE name = $1', [input.name.name]))).toHaveLength(1);
    return;
  }
  const relation = input.kind === 'connection' ? 'mz_connections' : 'mz_sources';
  const stored = rowsOf(await h.run(`SELECT create_sql FROM ${relation} WHERE name = $1`, [input.name.name]));
  expect(stored).toHaveLength(1);
  const clusters = await clusterNames();
  const fromStored = parseCreateSql(String(stored[0]!['create_sql']), { ...AT, objectName: input.name, resolveCluster: (id) => clusters.get(id) });
  let storedObject = withDefaults(fromStored.object);
  const prefix = await upstreamDatabase(input);
  if (fromStored.outputs.tablesFromSubsources) {
    // Newer servers move the table list into subsources: read it back from them.
    const subsources = rowsOf(
      await h.run(
        `SELECT t.schema_name, t.table_name FROM mz_sources s
           JOIN mz_internal.mz_object_dependencies d ON d.object_id = s.id
           JOIN mz_sources p ON p.id = d.referenced_object_id
           JOIN (SELECT id, schema_name, table_name FROM mz_internal.mz_postgres_source_tables
                 UNION ALL SELECT id, schema_name, table_name FROM mz_internal.mz_mysql_source_tables) t ON t.id = s.id
         WHERE s.type = 'subsource' AND p.name = $1 ORDER BY 1, 2`,
        [input.name.name],
      ),
    );
    const tables = subsources.map((r) => ({ reference: [...prefix, String(r['schema_name']), String(r['table_name'])] }));
    const spec = storedObject.kind === 'source' ? storedObject.spec : undefined;
    if (spec?.type === 'postgres' || spec?.type === 'mysql') storedObject = { ...storedObject, spec: { ...spec, tables: { kind: 'tables', tables } } } as MzObject;
  }
  expect(storedObject).toEqual(expectedFor(input, storedObject, prefix));

  const kind = input.kind === 'connection' ? 'CONNECTION' : 'SOURCE';
  const shown = rowsOf(await h.run(`SHOW CREATE ${kind} "${input.name.name}"`));
  expect(shown).toHaveLength(1);
  expect(shown[0]!['name']).toBe(`materialize.public.${input.name.name}`);
  const shownObject = modelOf(String(shown[0]!['create_sql'])).object;
  expect(shownObject).toEqual(expectedFor(input, shownObject, prefix));
}

describe.each(pages)('seed page %s on the emulator', (page) => {
  const blocks = readScenario(page);
  const statements = blocks.filter((b): b is Extract<Block, { kind: 'statement' }> => b.kind === 'statement');
  const seeds = seedStatements.filter((s) => s.file === page);

  beforeAll(async () => {
    await resetCatalog();
  });

  it('runs every statement of the page, in page order, as printed unless it cannot run', () => {
    expect(seeds.length).toBeGreaterThan(0);
    const line = (origin: string) => Number(/ line (\d+)$/.exec(origin)?.[1]);
    // Page order, and the page's statements (SELECTs from the page too) are all there.
    expect(statements.map((s) => line(s.origin))).toEqual(statements.map((s) => line(s.origin)).sort((a, b) => a - b));
    const fromFixtures = statements.filter((s) => !/^SELECT\b/i.test(s.sql)).map((s) => s.origin);
    expect(fromFixtures).toEqual(seeds.map((s) => s.origin));
    for (const s of statements) {
      const seed = seeds.find((f) => f.origin === s.origin);
      if (!seed) continue;
      if (!s.corrected) {
        expect(s.sql, s.origin).toBe(seed.sql);
        continue;
      }
      // Corrected only where the page's own form cannot run, and to the doc fix where there is one.
      const fix = docFixFor(seed);
      const cannotRun = seed.parseError !== undefined || seed.modelError !== undefined;
      expect(cannotRun, `${s.origin} runs as printed`).toBe(true);
      if (fix) expect(s.sql, s.origin).toBe(fix.sql);
    }
  });

  it.each(blocks.map((b, i) => [i + 1, b.kind === 'statement' ? b.origin : b.kind === 'reset' ? `reset: ${b.why}` : `setup: ${b.sql.split('\n')[0]}`, b] as const))(
    'step %i, %s',
    async (_, __, block) => {
      if (block.kind === 'reset') {
        await resetCatalog();
        return;
      }
      const result = await h.run(block.sql);
      if ('error' in result) throw new Error(`${block.sql.split('\n')[0]} failed: ${result.code} ${result.error}`);
      if (block.kind === 'setup') return;
      if (/^SELECT\b/i.test(block.sql)) {
        if (block.rows !== undefined) expect(result.rows).toHaveLength(block.rows);
        return;
      }
      if (/^CREATE\s+(SECRET|CONNECTION|SOURCE)\b/i.test(block.sql)) await checkCreate(block.sql);
    },
  );
});
