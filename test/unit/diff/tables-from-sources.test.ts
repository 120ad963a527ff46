import { describe, expect, it } from 'vitest';
import type { Connection, MzObject, Source, Table, TableSpec } from '../../../src/model/index.js';
import { planChanges } from '../../../src/pipeline/index.js';
import { actualState, desiredState, n } from './fixtures.js';

/**
 * Tables from sources in the diff and the plan: nothing but the comment and
 * owner changes in place; any other change re-creates that one table (hazard
 * `table-recreate`), never its source; a table goes before its source is
 * dropped and after it is created.
 */
const kafka: Connection = { kind: 'connection', name: n('k'), spec: { type: 'kafka', brokers: [{ address: 'k:9092' }], securityProtocol: 'PLAINTEXT' } };
const source: Source = { kind: 'source', name: n('orders_topic'), cluster: 'quickstart', spec: { type: 'kafka', connection: n('k'), topic: 'orders' } };
const pgSource: Source = { kind: 'source', name: n('pg_src'), cluster: 'quickstart', spec: { type: 'postgres', connection: n('pg'), publication: 'mz', tables: { kind: 'tables', tables: [] } } };
const table = (name: string, spec: TableSpec, extra: Partial<Table> = {}): Table => ({ kind: 'table', name: n(name), source: spec.type === 'kafka' ? n('orders_topic') : n('pg_src'), spec, ...extra });
const json: TableSpec = { type: 'kafka', reference: 'orders', format: { kind: 'bare', format: { kind: 'json' } } };
const env = {};

function plan(desired: MzObject[], actual: MzObject[], prune = false) {
  return planChanges(desiredState(desired, { prune }), actualState(actual), { env });
}
const steps = (p: ReturnType<typeof plan>) => p.steps.map((s) => `${s.action} ${s.objectKind} ${s.name.name}${s.phase ? `/${s.phase}` : ''}`);

describe('tables from sources in a plan', () => {
  it.each<[string, TableSpec, TableSpec]>([
    ['ENVELOPE NONE written or not', { ...json, envelope: 'none' }, json],
    ['TEXT COLUMNS in another order (the server sorts them)', { type: 'postgres', reference: ['public', 'orders'], textColumns: ['b', 'a'] }, { type: 'postgres', reference: ['public', 'orders'], textColumns: ['a', 'b'] }],
  ])('%s: no changes', (_title, desired, actual) => {
    const objects = (spec: TableSpec) => [kafka, source, pgSource, table('t', spec)];
    expect(plan(objects(desired), objects(actual)).steps).toEqual([]);
  });

  it.each<[string, TableSpec, string]>([
    ['another format', { ...json, format: { kind: 'bare', format: { kind: 'text' } } }, 'format'],
    ['an envelope', { ...json, envelope: 'upsert', format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'json' } } }, 'envelope'],
    ['an INCLUDE', { ...json, include: [{ item: 'offset' }] }, 'include'],
  ])('%s re-creates the table alone, with hazard table-recreate', (_title, desired, field) => {
    const p = plan([kafka, source, table('t', desired)], [kafka, source, table('t', json)]);
    expect(steps(p)).toEqual(['replace table t/drop', 'replace table t/create']);
    expect(p.steps[0]!.hazards.map((h) => h.code)).toEqual(['table-recreate']);
    expect(p.steps[0]!.hazards[0]!.message).toBe('Table materialize.public.t is dropped and created again: it re-ingests its data from materialize.public.orders_topic; the source and its other tables stay.');
    expect(p.steps[1]!.fields.map((f) => f.field)).toContain(field);
  });

  it('a comment changes in place: COMMENT ON TABLE', () => {
    const p = plan([kafka, source, table('t', json, { comment: 'new' })], [kafka, source, table('t', json)]);
    expect(p.steps.map((s) => s.statements.map((st) => st.sql))).toEqual([[`COMMENT ON TABLE "materialize"."public"."t" IS 'new'`]]);
  });

  it('a table left out of the manifest is dropped alone (prune), its source kept', () => {
    const p = plan([kafka, source, table('a', json)], [kafka, source, table('a', json), table('b', json)], true);
    expect(steps(p)).toEqual(['drop table b']);
    expect(p.steps[0]!.statements.map((s) => s.sql)).toEqual(['DROP TABLE "materialize"."public"."b"']);
    expect(p.steps[0]!.hazards).toEqual([{ code: 'drop', message: 'Table materialize.public.b is dropped with the data it ingested; its source stays.' }]);
  });

  it('without prune, a table left out is kept and shown as not in the manifest', () => {
    const p = plan([kafka, source], [kafka, source, table('b', json)]);
    expect(p.steps).toEqual([]);
    expect(p.unmanaged.map((u) => u.name.name)).toEqual(['b']);
  });

  it('created after its source; dropped before it', () => {
    const created = plan([kafka, source, table('a', json)], []);
    expect(steps(created)).toEqual(['create connection k', 'create source orders_topic', 'create table a']);
    const dropped = plan([], [kafka, source, table('a', json)], true);
    expect(steps(dropped)).toEqual(['drop table a', 'drop source orders_topic', 'drop connection k']);
  });

  it('a source re-created takes its tables along: dropped before it, created after it', () => {
    const moved: Source = { ...source, cluster: 'other' };
    const p = plan([kafka, moved, table('a', json)], [kafka, source, table('a', json)]);
    expect(steps(p)).toEqual(['replace table a/drop', 'replace source orders_topic/drop', 'replace source orders_topic/create', 'replace table a/create']);
    expect(p.steps[1]!.hazards.map((h) => h.code)).toContain('source-recreate');
  });
});
