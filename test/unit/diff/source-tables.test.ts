import { describe, expect, it } from 'vitest';
import { type Change, diff } from '../../../src/diff/index.js';
import type { MzObject, Source, SourceTable, TableSelection } from '../../../src/model/index.js';
import { planChanges } from '../../../src/pipeline/index.js';
import { actualState, desiredState, n, pgConnection } from './fixtures.js';

/**
 * A Postgres / MySQL source's table list, as the catalog gives it back (the
 * subsources' upstream tables), compared with the manifest's: tables added are
 * ALTER SOURCE ... ADD SUBSOURCE; tables removed, or a change of selection
 * kind, are a replace (Materialize cannot drop a subsource through ALTER
 * SOURCE); `all` never differs from a list read back.
 */
const t = (reference: string, alias?: string): SourceTable => ({
  reference: reference.split('.'),
  ...(alias ? { alias: alias.includes('.') ? n(alias.split('.')[1]!, alias.split('.')[0]) : n(alias) } : {}),
});
const tables = (...list: SourceTable[]): TableSelection => ({ kind: 'tables', tables: list });
const source = (selection: TableSelection, type: 'postgres' | 'mysql' = 'postgres'): Source => ({
  kind: 'source',
  name: n('shop'),
  cluster: 'quickstart',
  spec: type === 'postgres' ? { type, connection: n('pg'), publication: 'mz_source', tables: selection } : { type, connection: n('pg'), tables: selection },
});
const env = { MZFORM_FINGERPRINT_KEY: 'k' };

function sourceChange(desired: TableSelection, actual: TableSelection, options: { tablesUnknown?: boolean; type?: 'postgres' | 'mysql' } = {}): Change {
  const conn: MzObject = pgConnection('pg');
  const changes = diff(
    desiredState([conn, source(desired, options.type)]),
    actualState([conn, source(actual, options.type)], options.tablesUnknown ? { shop: { tablesUnknown: true } } : {}),
  );
  return changes.find((c) => c.action !== 'unmanaged' && 'object' in c && c.object.name.name === 'shop') as Change;
}

describe('comparing a source table list', () => {
  it.each<[string, TableSelection, TableSelection]>([
    ['the same tables in another order', tables(t('public.b'), t('public.a')), tables(t('public.a'), t('public.b'))],
    ['the upstream database written out (the catalog gives schema.table)', tables(t('shop.public.a')), tables(t('public.a'))],
    ['the schema left out', tables(t('a')), tables(t('public.a'))],
    ['a subsource named after its table, spelled out', tables(t('public.a', 'a')), tables(t('public.a'))],
    ['all tables, against the list the source was created with', { kind: 'all' }, tables(t('public.a'), t('public.b'))],
    ['schemas that hold every current table', { kind: 'schemas', schemas: ['public', 'audit'] }, tables(t('public.a'), t('audit.log'))],
  ])('%s: no change', (_title, desired, actual) => {
    expect(sourceChange(desired, actual).action).toBe('no-op');
  });

  it.each<[string, 'postgres' | 'mysql']>([
    ['postgres', 'postgres'],
    ['mysql', 'mysql'],
  ])('%s: a table added is exactly one ALTER SOURCE ... ADD SUBSOURCE', (_title, type) => {
    const change = sourceChange(tables(t('public.a'), t('public.c', 'c_copy'), t('public.b')), tables(t('public.a'), t('public.b')), { type });
    expect(change.action).toBe('alter');
    if (change.action !== 'alter') return;
    expect(change.fields.map((f) => f.field)).toEqual(['tables']);
    expect(change.alterations).toEqual([{ kind: 'add-subsource', table: { reference: ['public', 'c'], alias: n('c_copy') } }]);
  });

  // doc/user/content/sql/alter-source.md:91-98 (a subsource is dropped with DROP SOURCE), src/sql/src/plan/statement/ddl.rs:6552 (RENAME of any item).
  it.each<[string, TableSelection, TableSelection, unknown[]]>([
    ['a table removed', tables(t('public.a')), tables(t('public.a'), t('public.b')), [{ kind: 'drop-subsource', table: t('public.b', 'b'), subsource: n('b') }]],
    ['a subsource renamed in its schema', tables(t('public.a', 'a2')), tables(t('public.a')), [{ kind: 'rename-subsource', subsource: n('a'), to: 'a2' }]],
    [
      'a subsource moved to another schema',
      tables(t('public.a', 'other.a')),
      tables(t('public.a')),
      [
        { kind: 'drop-subsource', table: t('public.a', 'a'), subsource: n('a') },
        { kind: 'add-subsource', table: { reference: ['public', 'a'], alias: n('a', 'other') } },
      ],
    ],
    [
      'a table swapped for another',
      tables(t('public.a'), t('public.c')),
      tables(t('public.a'), t('public.b')),
      [
        { kind: 'drop-subsource', table: t('public.b', 'b'), subsource: n('b') },
        { kind: 'add-subsource', table: t('public.c', 'c') },
      ],
    ],
  ])('%s: changed in place, table by table', (_title, desired, actual, alterations) => {
    const change = sourceChange(desired, actual);
    expect(change.action).toBe('alter');
    if (change.action !== 'alter') return;
    expect(change.fields.map((f) => f.field)).toEqual(['tables']);
    expect(change.alterations).toEqual(alterations);
  });

  it.each<[string, TableSelection, TableSelection]>([
    ['a list where the source takes all tables', tables(t('public.a')), { kind: 'all' }],
    ['schemas that leave a current table out', { kind: 'schemas', schemas: ['public'] }, tables(t('public.a'), t('audit.log'))],
    ['other schemas', { kind: 'schemas', schemas: ['public'] }, { kind: 'schemas', schemas: ['audit'] }],
  ])('%s: a replace forced by tables', (_title, desired, actual) => {
    const change = sourceChange(desired, actual);
    expect(change.action).toBe('replace');
    if (change.action === 'replace') expect(change.forcing).toEqual(['tables']);
  });

  it('compares nothing when the catalog did not say which tables the source has', () => {
    expect(sourceChange(tables(t('public.a')), tables(), { tablesUnknown: true }).action).toBe('no-op');
  });
});

describe('TEXT COLUMNS and EXCLUDE COLUMNS, table by table', () => {
  const conn: MzObject = pgConnection('pg');
  type Columns = { textColumns?: string[][]; excludeColumns?: string[][] };
  const withColumns = (selection: TableSelection, columns: Columns, type: 'postgres' | 'mysql' = 'postgres'): Source => {
    const base = source(selection, type);
    return { ...base, spec: { ...base.spec, ...columns } as Source['spec'] };
  };
  const col = (...refs: string[]) => refs.map((r) => r.split('.'));
  const change = (desired: Source, actual: Source) =>
    diff(desiredState([conn, desired]), actualState([conn, actual])).find((c) => c.action !== 'unmanaged' && 'object' in c && c.object.name.name === 'shop') as Change;

  it('a table added with its text and excluded columns: one ADD SUBSOURCE ... WITH, only its own columns', () => {
    const desired = withColumns(tables(t('public.a'), t('public.b')), { textColumns: col('public.a.x', 'public.b.y'), excludeColumns: col('public.b.z') }, 'mysql');
    const actual = withColumns(tables(t('public.a')), { textColumns: col('public.a.x') }, 'mysql');
    const c = change(desired, actual);
    expect(c.action).toBe('alter');
    if (c.action !== 'alter') return;
    expect(c.alterations).toEqual([{ kind: 'add-subsource', table: t('public.b', 'b'), textColumns: col('public.b.y'), excludeColumns: col('public.b.z') }]);
    const p = planChanges(desiredState([conn, desired]), actualState([conn, actual]), { env });
    expect(p.steps[0]?.statements.map((s) => s.sql)).toEqual([
      'ALTER SOURCE "materialize"."public"."shop" ADD SUBSOURCE "public"."b" AS "materialize"."public"."b" WITH (TEXT COLUMNS = ("public"."b"."y"), EXCLUDE COLUMNS = ("public"."b"."z"))',
    ]);
  });

  it("a table's text columns changed: that subsource is dropped and added again, the source kept", () => {
    const c = change(withColumns(tables(t('public.a'), t('public.b')), { textColumns: col('public.a.x') }), withColumns(tables(t('public.a'), t('public.b')), {}));
    expect(c.action).toBe('alter');
    if (c.action !== 'alter') return;
    expect(c.fields.map((f) => f.field)).toEqual(['text_columns']);
    expect(c.alterations).toEqual([
      { kind: 'drop-subsource', table: t('public.a', 'a'), subsource: n('a'), reason: 'columns' },
      { kind: 'add-subsource', table: t('public.a', 'a'), textColumns: col('public.a.x') },
    ]);
  });

  it.each<[string, Columns, Columns]>([
    // src/sql/src/pure.rs:941-946: Materialize stores TEXT COLUMNS normalized, with the upstream database in front.
    ['the server spells the upstream database out', { textColumns: col('public.a.x') }, { textColumns: col('shop.public.a.x') }],
    // src/adapter/src/coord/sequencer/inner.rs:3772-3782: columns of a dropped subsource stay until the next ADD SUBSOURCE.
    ['the server still lists the columns of a table dropped before', { textColumns: col('public.a.x') }, { textColumns: col('shop.public.a.x', 'shop.public.gone.y') }],
  ])('%s: no change', (_title, desired, actual) => {
    expect(change(withColumns(tables(t('public.a')), desired), withColumns(tables(t('public.a')), actual)).action).toBe('no-op');
  });

  it('columns changed while the manifest takes all tables: a replace, as tables cannot be matched one by one', () => {
    const c = change(withColumns({ kind: 'all' }, { textColumns: col('public.a.x') }), withColumns(tables(t('public.a')), {}));
    expect(c.action).toBe('replace');
    if (c.action === 'replace') expect(c.forcing).toEqual(['text_columns']);
  });
});

describe('the plan for a table list change', () => {
  const conn: MzObject = pgConnection('pg');
  const plan = (desired: TableSelection, actual: TableSelection) => planChanges(desiredState([conn, source(desired)]), actualState([conn, source(actual)]), { env });

  it('adds a table with one statement and no hazard', () => {
    const p = plan(tables(t('public.a'), t('public.b'), t('public.c')), tables(t('public.b'), t('public.a')));
    expect(p.steps).toHaveLength(1);
    const step = p.steps[0]!;
    expect(step.action).toBe('alter');
    expect(step.hazards).toEqual([]);
    expect(step.statements.map((s) => s.sql)).toEqual(['ALTER SOURCE "materialize"."public"."shop" ADD SUBSOURCE "public"."c" AS "materialize"."public"."c"']);
  });

  it('drops just the subsource of a table removed, with a hazard naming it', () => {
    const p = plan(tables(t('public.a')), tables(t('public.a'), t('public.b')));
    expect(p.steps).toHaveLength(1);
    const step = p.steps[0]!;
    expect(step.action).toBe('alter');
    expect(step.statements.map((s) => s.sql)).toEqual(['DROP SOURCE "materialize"."public"."b"']);
    expect(step.hazards).toEqual([
      { code: 'subsource-drop', message: 'Subsource materialize.public.b of source materialize.public.shop is dropped with the data ingested for table public.b.' },
    ]);
  });

  it('replaces the source when a list replaces all tables, saying why', () => {
    const p = plan(tables(t('public.a')), { kind: 'all' });
    const step = p.steps.find((s) => s.action === 'replace');
    expect(step?.reason).toBe(
      'tables cannot be changed in place (tables are added and dropped one by one only when the manifest lists them; Materialize cannot switch a source between all tables, schemas and a list)',
    );
    expect(step?.hazards.map((h) => h.code)).toContain('source-recreate');
  });
});

describe('multi-output load generators', () => {
  // src/sql/src/pure.rs:1249-1252: FOR ALL TABLES is dropped from the stored create_sql once the subsources are planned.
  it.each(['auction', 'marketing', 'tpch'] as const)('%s: FOR ALL TABLES against the stored form without it is no change', (generator) => {
    const lg = (tables?: TableSelection): Source => ({
      kind: 'source',
      name: n('gen'),
      cluster: 'quickstart',
      spec: { type: 'load-generator', generator, ...(tables ? { tables } : {}) },
    });
    const [change] = diff(desiredState([lg({ kind: 'all' })]), actualState([lg()]));
    expect(change?.action).toBe('no-op');
  });
});
