import { describe, expect, it } from 'vitest';
import { type CatalogRows, type ObjectRow, parseCatalogDump, serializeCatalogDump, toActualState } from '../../../src/catalog/index.js';
import type { ActualObject, TableSelection } from '../../../src/model/index.js';

/**
 * Newer servers keep a Postgres / MySQL source's tables only as subsources:
 * the source's create_sql has no FOR TABLES, and the list is rebuilt from
 * `mz_postgres_source_tables` / `mz_mysql_source_tables` (keyed by subsource
 * id), the subsources' names and their dependency on the source.
 */
const object = (id: string, kind: ObjectRow['kind'], name: string, type: string | null, createSql: string | null, place: Partial<ObjectRow> = {}): ObjectRow => ({
  id,
  kind,
  database_name: 'materialize',
  schema_name: 'public',
  name,
  type,
  create_sql: createSql,
  owner_name: 'materialize',
  cluster_name: kind === 'source' && type !== 'subsource' && type !== 'progress' ? 'quickstart' : null,
  ...place,
});

const PG = `CREATE CONNECTION "materialize"."public"."pg" TO POSTGRES (DATABASE = 'shop', HOST = 'db', USER = 'mz')`;
const MYSQL = `CREATE CONNECTION "materialize"."public"."my" TO MYSQL (HOST = 'db', USER = 'mz')`;
const subsource = (id: string, name: string, parent: string, place: Partial<ObjectRow> = {}) =>
  object(id, 'source', name, 'subsource', `CREATE SUBSOURCE "materialize"."public"."${name}" OF SOURCE [${parent}] WITH (EXTERNAL REFERENCE = "x")`, place);

const rows = (extra: Partial<CatalogRows> = {}): CatalogRows => ({
  objects: [
    object('u1', 'connection', 'pg', 'postgres', PG),
    object('u2', 'source', 'orders_src', 'postgres', `CREATE SOURCE "materialize"."public"."orders_src" IN CLUSTER [u1] FROM POSTGRES CONNECTION [u1 AS "materialize"."public"."pg"] (PUBLICATION = 'mz_source', DETAILS = 'ab')`),
    object('u3', 'source', 'orders_src_progress', 'progress', null),
    // Listed out of order, one renamed, one in another schema: the model is sorted by upstream reference.
    subsource('u6', 'orders', 'u2'),
    subsource('u4', 'items', 'u2'),
    subsource('u5', 'customers_copy', 'u2'),
    subsource('u7', 'audit', 'u2', { schema_name: 'archive' }),
    object('u8', 'connection', 'my', 'mysql', MYSQL),
    object('u9', 'source', 'shop_src', 'mysql', `CREATE SOURCE "materialize"."public"."shop_src" IN CLUSTER [u1] FROM MYSQL CONNECTION [u8 AS "materialize"."public"."my"] (DETAILS = 'cd')`),
    subsource('u10', 'carts', 'u9'),
    // An older server's source: FOR TABLES is in its create_sql, and that is what counts.
    object('u11', 'source', 'legacy_src', 'postgres', `CREATE SOURCE "materialize"."public"."legacy_src" IN CLUSTER [u1] FROM POSTGRES CONNECTION [u1 AS "materialize"."public"."pg"] (PUBLICATION = 'mz_source') FOR TABLES ("public"."legacy" AS "materialize"."public"."legacy")`),
    subsource('u12', 'legacy', 'u11'),
  ],
  comments: [],
  dependencies: [
    { object_id: 'u10', referenced_object_id: 'u9' },
    { object_id: 'u12', referenced_object_id: 'u11' },
    { object_id: 'u2', referenced_object_id: 'u1' },
    { object_id: 'u3', referenced_object_id: 'u2' },
    { object_id: 'u4', referenced_object_id: 'u2' },
    { object_id: 'u5', referenced_object_id: 'u2' },
    { object_id: 'u6', referenced_object_id: 'u2' },
    { object_id: 'u7', referenced_object_id: 'u2' },
    { object_id: 'u9', referenced_object_id: 'u8' },
  ],
  sshKeys: [],
  privatelinks: [],
  aws: [],
  containers: [],
  sourceTables: [
    { id: 'u4', schema_name: 'public', table_name: 'items' },
    { id: 'u5', schema_name: 'public', table_name: 'customers' },
    { id: 'u6', schema_name: 'public', table_name: 'orders' },
    { id: 'u7', schema_name: 'audit', table_name: 'audit' },
    { id: 'u10', schema_name: 'shop', table_name: 'carts' },
    { id: 'u12', schema_name: 'public', table_name: 'legacy' },
  ],
  ...extra,
});

const sourceOf = (state: ReturnType<typeof toActualState>, name: string): ActualObject => {
  const found = state.objects.find((o) => o.object.name.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const tablesOf = (o: ActualObject): TableSelection | undefined =>
  o.object.kind === 'source' && (o.object.spec.type === 'postgres' || o.object.spec.type === 'mysql') ? o.object.spec.tables : undefined;

describe('a source whose create_sql lists no tables gets them from its subsources', () => {
  const state = toActualState(rows());

  it.each<[string, string, TableSelection]>([
    [
      'postgres: sorted by upstream reference; a subsource named after its table in the source schema has no alias',
      'orders_src',
      {
        kind: 'tables',
        tables: [
          { reference: ['audit', 'audit'], alias: { database: 'materialize', schema: 'archive', name: 'audit' } },
          { reference: ['public', 'customers'], alias: { database: 'materialize', schema: 'public', name: 'customers_copy' } },
          { reference: ['public', 'items'] },
          { reference: ['public', 'orders'] },
        ],
      },
    ],
    ['mysql', 'shop_src', { kind: 'tables', tables: [{ reference: ['shop', 'carts'] }] }],
    ['an older server keeps FOR TABLES in create_sql: read as written', 'legacy_src', { kind: 'tables', tables: [{ reference: ['public', 'legacy'], alias: { database: 'materialize', schema: 'public', name: 'legacy' } }] }],
  ])('%s', (_title, name, expected) => {
    const source = sourceOf(state, name);
    expect(tablesOf(source)).toEqual(expected);
    expect(source.tablesUnknown).toBeUndefined();
  });

  it('keeps subsources foreign: never managed on their own', () => {
    expect(state.foreign.filter((f) => f.type === 'subsource').map((f) => f.id)).toEqual(['u10', 'u12', 'u4', 'u5', 'u6', 'u7']);
  });

  it('gives the same list whatever order the rows come in', () => {
    const shuffled = rows();
    const again = toActualState({ ...shuffled, objects: [...shuffled.objects].reverse(), sourceTables: [...(shuffled.sourceTables ?? [])].reverse() });
    expect(tablesOf(sourceOf(again, 'orders_src'))).toEqual(tablesOf(sourceOf(state, 'orders_src')));
  });

  it('a source without subsources has an empty list', () => {
    const bare = rows({ sourceTables: [] });
    const noSubsources = { ...bare, objects: bare.objects.filter((o) => o.type !== 'subsource') };
    expect(tablesOf(sourceOf(toActualState(noSubsources), 'orders_src'))).toEqual({ kind: 'tables', tables: [] });
  });

  it.each<[string, Partial<CatalogRows>, string[]]>([
    ['the upstream tables were not read (a dump from an older mzform)', { sourceTables: undefined }, ['orders_src', 'shop_src']],
    ['a subsource has no upstream table row', { sourceTables: rows().sourceTables?.filter((t) => t.id !== 'u5') }, ['orders_src']],
  ])('the list is unknown, and not claimed, when %s', (_title, extra, unknown) => {
    const partial = toActualState(rows(extra));
    expect(partial.objects.filter((o) => o.tablesUnknown).map((o) => o.object.name.name)).toEqual(unknown);
  });

  it('a catalog dump carries the upstream tables, and one without them still reads', () => {
    const text = serializeCatalogDump(rows());
    expect(toActualState(parseCatalogDump(text, 'c.json'))).toEqual(state);
    const { sourceTables: _t, ...older } = (JSON.parse(text) as { rows: Record<string, unknown> }).rows;
    const oldDump = JSON.stringify({ ...(JSON.parse(text) as object), rows: older });
    expect(sourceOf(toActualState(parseCatalogDump(oldDump, 'c.json')), 'orders_src').tablesUnknown).toBe(true);
  });
});

describe('upstream names, quoted (Materialize 26.7 to 26.18) or not (26.19 on)', () => {
  const quotedRows = (quote: boolean): CatalogRows => {
    const base = rows();
    const q = (s: string) => (quote ? `"${s.replaceAll('"', '""')}"` : s);
    return {
      ...base,
      objects: [...base.objects, subsource('u13', 'space table', 'u2'), subsource('u14', 'Orders', 'u2'), subsource('u15', 'a"b', 'u2')],
      dependencies: [...base.dependencies, ...['u13', 'u14', 'u15'].map((id) => ({ object_id: id, referenced_object_id: 'u2' }))],
      sourceTables: [
        ...(base.sourceTables ?? []),
        { id: 'u13', schema_name: q('My Schema'), table_name: q('space table') },
        { id: 'u14', schema_name: 'public', table_name: q('Orders') },
        { id: 'u15', schema_name: 'public', table_name: q('a"b') },
      ],
    };
  };

  it('read the same list either way, with no alias for subsources named after their table', () => {
    const quoted = tablesOf(sourceOf(toActualState(quotedRows(true)), 'orders_src'));
    const plain = tablesOf(sourceOf(toActualState(quotedRows(false)), 'orders_src'));
    expect(quoted).toEqual(plain);
    expect(quoted?.kind === 'tables' ? quoted.tables.filter((t) => ['My Schema', 'public'].includes(t.reference[0]!) && !t.alias).map((t) => t.reference) : []).toEqual([
      ['My Schema', 'space table'],
      ['public', 'Orders'],
      ['public', 'a"b'],
      ['public', 'items'],
      ['public', 'orders'],
    ]);
  });
});
