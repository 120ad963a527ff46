import type { Alteration, FieldChange } from '../change.js';
import type { ObjectName, Source, SourceSpec, SourceTable, TableSelection } from '../../model/index.js';
import { withSourceDefaults } from '../../model/index.js';
import { sameValue } from '../values.js';
import { type KindComparison, NO_DIFFERENCE, differingFields, fieldChange } from './comparison.js';

/**
 * ALTER SOURCE changes only RETAIN HISTORY and TIMESTAMP INTERVAL, and adds
 * subsources (materialize-semantics.md section 3). Connection, topic,
 * publication, format, envelope and cluster changes need DROP + CREATE, which
 * re-ingests the data.
 */
export function compareSource(desired: Source, actual: Source, options: { tablesUnknown?: boolean } = {}): KindComparison {
  if (desired.spec.type !== actual.spec.type) {
    const change = fieldChange('type', actual.spec.type, desired.spec.type);
    return { fields: [change], forcing: [change], alterations: [] };
  }
  const fields: FieldChange[] = [];
  const forcing: FieldChange[] = [];
  const alterations: Alteration[] = [];

  if (desired.cluster !== actual.cluster) {
    const change = fieldChange('cluster', actual.cluster, desired.cluster);
    fields.push(change);
    forcing.push(change);
  }

  const dSpec = normalizeTables(withSourceDefaults(desired.spec), desired.name);
  const aSpec = normalizeTables(withSourceDefaults(actual.spec), actual.name);
  for (const { key, change } of differingFields(dSpec, aSpec)) {
    // The catalog did not say which tables the source has (see ActualObject.tablesUnknown): nothing to compare.
    if (key === 'tables' && options.tablesUnknown) continue;
    fields.push(change);
    const added = key === 'tables' ? addedTables(dSpec, aSpec) : undefined;
    if (added) alterations.push(...added.map((table) => ({ kind: 'add-subsource', table }) as const));
    else forcing.push(change);
  }

  if (desired.retainHistory !== actual.retainHistory) {
    fields.push(fieldChange('retain_history', actual.retainHistory, desired.retainHistory));
    alterations.push({
      kind: 'source-option',
      action: desired.retainHistory === undefined ? { kind: 'reset-retain-history' } : { kind: 'set-retain-history', value: desired.retainHistory },
    });
  }
  if (desired.timestampInterval !== actual.timestampInterval) {
    fields.push(fieldChange('timestamp_interval', actual.timestampInterval, desired.timestampInterval));
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

/** The tables to add when the desired list keeps every current table and only adds some; else undefined. */
function addedTables(desired: SourceSpec, actual: SourceSpec): SourceTable[] | undefined {
  const d = tablesOf(desired);
  const a = tablesOf(actual);
  if (d?.kind !== 'tables' || a?.kind !== 'tables') return undefined;
  if (!a.tables.every((t) => d.tables.some((u) => sameValue(t, u)))) return undefined;
  const added = d.tables.filter((t) => !a.tables.some((u) => sameValue(t, u)));
  return added.length > 0 ? added : undefined;
}

function tablesOf(spec: SourceSpec): TableSelection | undefined {
  return spec.type === 'postgres' || spec.type === 'mysql' ? spec.tables : undefined;
}
