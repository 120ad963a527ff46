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
const t = (reference: string, alias?: string): SourceTable => ({ reference: reference.split('.'), ...(alias ? { alias: n(alias) } : {}) });
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

  it.each<[string, TableSelection, TableSelection]>([
    ['a table removed', tables(t('public.a')), tables(t('public.a'), t('public.b'))],
    ['a table renamed', tables(t('public.a', 'a2')), tables(t('public.a'))],
    ['a table swapped for another', tables(t('public.a'), t('public.c')), tables(t('public.a'), t('public.b'))],
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

  it('replaces the source for a table removed, saying why and that it re-ingests', () => {
    const p = plan(tables(t('public.a')), tables(t('public.a'), t('public.b')));
    const step = p.steps.find((s) => s.action === 'replace');
    expect(step?.reason).toBe(
      'tables cannot be changed in place (ALTER SOURCE ... ADD SUBSOURCE only adds tables; Materialize cannot drop a subsource through ALTER SOURCE, nor switch between all tables, schemas and a list)',
    );
    expect(step?.hazards.map((h) => h.code)).toContain('source-recreate');
  });
});
