import type { Alteration, FieldChange } from '../change.js';
import type { ObjectName, Source, SourceSpec, SourceTable, TableSelection } from '../../model/index.js';
import { SOURCE_COMMON_OPTIONS, SOURCE_SHAPES, sourceEntry, withSourceDefaults } from '../../model/index.js';
import { sameValue } from '../values.js';
import { type KindComparison, NO_DIFFERENCE, differingFields, fieldChange } from './comparison.js';

/**
 * ALTER SOURCE changes only RETAIN HISTORY and TIMESTAMP INTERVAL, and adds
 * subsources (the source registry's `change`; Materialize's `plan_alter_source`
 * in src/sql/src/plan/statement/ddl.rs). Connection, topic,
 * publication, format, envelope and cluster changes need DROP + CREATE, which
 * re-ingests the data.
 */
export function compareSource(desired: Source, actual: Source, options: { tablesUnknown?: boolean } = {}): KindComparison {
  if (desired.spec.type !== actual.spec.type) {
    const change = fieldChange('type', actual.spec.type, desired.spec.type, 'text');
    return { fields: [change], forcing: [change], alterations: [] };
  }
  const fields: FieldChange[] = [];
  const forcing: FieldChange[] = [];
  const alterations: Alteration[] = [];

  if (desired.cluster !== actual.cluster) {
    const change = fieldChange(SOURCE_COMMON_OPTIONS.cluster.keys[0]!, actual.cluster, desired.cluster, 'text');
    fields.push(change);
    forcing.push(change);
  }

  const dSpec = normalizeTables(withSourceDefaults(desired.spec), desired.name);
  const aSpec = normalizeTables(withSourceDefaults(actual.spec), actual.name);
  for (const { key } of differingFields(dSpec, aSpec)) {
    const entry = sourceEntry(dSpec.type, key);
    if (!entry) throw new Error(`${dSpec.type} sources have no registry entry for field ${key}`);
    const change = fieldChange(entry.keys[0]!, (aSpec as unknown as Record<string, unknown>)[key], (dSpec as unknown as Record<string, unknown>)[key], SOURCE_SHAPES[entry.codec.kind]);
    if (entry.change === 'add-only' && (dSpec.type === 'postgres' || dSpec.type === 'mysql') && (aSpec.type === 'postgres' || aSpec.type === 'mysql')) {
      const tables = compareTables(dSpec.tables, aSpec.tables, options);
      if (tables.kind === 'same') continue;
      fields.push(change);
      if (tables.kind === 'add') alterations.push(...tables.tables.map((table) => ({ kind: 'add-subsource', table }) as const));
      else forcing.push(change);
      continue;
    }
    fields.push(change);
    if (entry.change !== 'in-place') forcing.push(change);
  }

  if (desired.retainHistory !== actual.retainHistory) {
    fields.push(fieldChange(SOURCE_COMMON_OPTIONS.retainHistory.keys[0]!, actual.retainHistory, desired.retainHistory, 'text'));
    alterations.push({
      kind: 'source-option',
      action: desired.retainHistory === undefined ? { kind: 'reset-retain-history' } : { kind: 'set-retain-history', value: desired.retainHistory },
    });
  }
  if (desired.timestampInterval !== actual.timestampInterval) {
    fields.push(fieldChange(SOURCE_COMMON_OPTIONS.timestampInterval.keys[0]!, actual.timestampInterval, desired.timestampInterval, 'text'));
    alterations.push({
      kind: 'source-option',
      action:
        desired.timestampInterval === undefined
          ? { kind: 'reset-timestamp-interval' }
          : { kind: 'set-timestamp-interval', value: desired.timestampInterval },
    });
  }
  if (fields.length === 0) return NO_DIFFERENCE;
  return { fields, forcing, alterations: forcing.length > 0 ? [] : alterations };
}

/**
 * A subsource without `AS` is named after its upstream table, in the source's
 * database and schema; spelling that name out must compare equal to leaving it out.
 */
function normalizeTables(spec: SourceSpec, source: ObjectName): SourceSpec {
  if (spec.type !== 'postgres' && spec.type !== 'mysql') return spec;
  if (spec.tables.kind !== 'tables') return spec;
  const tables = spec.tables.tables.map((t) => ({ reference: t.reference, alias: t.alias ?? defaultAlias(t, source) }));
  return { ...spec, tables: { kind: 'tables', tables } };
}

function defaultAlias(table: SourceTable, source: ObjectName): ObjectName {
  return { database: source.database, schema: source.schema, name: table.reference[table.reference.length - 1] ?? '' };
}

type TablesComparison = { readonly kind: 'same' } | { readonly kind: 'add'; readonly tables: readonly SourceTable[] } | { readonly kind: 'replace' };

/**
 * How a source's table selection compares. The catalog cannot tell `FOR ALL
 * TABLES` from the list of tables that existed at creation (newer servers keep
 * only the subsources), so `all` in the manifest never differs from a list
 * read back; `schemas` differs only when a current table lies outside them.
 * A list compares as a set: tables only added are `ALTER SOURCE ... ADD
 * SUBSOURCE`; a table removed (Materialize cannot drop a subsource through
 * ALTER SOURCE) or a change between all / schemas / a list is a replace.
 */
function compareTables(desired: TableSelection, actual: TableSelection, options: { tablesUnknown?: boolean }): TablesComparison {
  // The catalog did not say which tables the source has (see ActualObject.tablesUnknown): nothing to compare.
  if (options.tablesUnknown) return SAME;
  switch (desired.kind) {
    case 'all':
      return actual.kind === 'schemas' ? REPLACE : SAME;
    case 'schemas': {
      if (actual.kind === 'all') return REPLACE;
      if (actual.kind === 'schemas') return sameValue([...desired.schemas].sort(), [...actual.schemas].sort()) ? SAME : REPLACE;
      const wanted = new Set(desired.schemas);
      return actual.tables.every((t) => wanted.has(t.reference[t.reference.length - 2] ?? '')) ? SAME : REPLACE;
    }
    case 'tables': {
      if (actual.kind !== 'tables') return REPLACE;
      if (!actual.tables.every((a) => desired.tables.some((d) => sameTable(d, a)))) return REPLACE;
      const added = desired.tables.filter((d) => !actual.tables.some((a) => sameTable(d, a)));
      return added.length > 0 ? { kind: 'add', tables: added } : SAME;
    }
  }
}

const SAME: TablesComparison = { kind: 'same' };
const REPLACE: TablesComparison = { kind: 'replace' };

/**
 * One table written two ways: the same subsource name, and references where
 * one ends the other. The catalog gives a Postgres table as `schema.table`
 * while a manifest may add the upstream database or leave out the schema, as
 * Materialize resolves a reference by its trailing parts.
 */
function sameTable(a: SourceTable, b: SourceTable): boolean {
  if (!sameValue(a.alias, b.alias)) return false;
  const [shorter, longer] = a.reference.length <= b.reference.length ? [a.reference, b.reference] : [b.reference, a.reference];
  const offset = longer.length - shorter.length;
  return shorter.length > 0 && shorter.every((part, i) => part === longer[offset + i]);
}
