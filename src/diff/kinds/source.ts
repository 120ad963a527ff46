import type { Alteration, FieldChange } from '../change.js';
import type { ObjectName, Source, SourceSpec, TableSelection } from '../../model/index.js';
import { SOURCE_COMMON_OPTIONS, SOURCE_SHAPES, SOURCE_TYPES, byType, sourceEntries, sourceEntry, withSourceDefaults } from '../../model/index.js';
import { type KindComparison, NO_DIFFERENCE, differingFields, fieldChange } from './comparison.js';
import { sameColumnRefs } from './column-refs.js';
import { type SubsourceComparison, compareSubsources } from './subsources.js';

/**
 * ALTER SOURCE changes only RETAIN HISTORY and TIMESTAMP INTERVAL, and adds
 * subsources, and DROP SOURCE drops one subsource (the source registry's
 * `change`, `per-table` in subsources.ts; Materialize's `plan_alter_source`
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

  const desiredSpec = withSourceDefaults(desired.spec);
  const [dSpec, aSpec] = withoutPurified(desiredSpec, withColumnRefsOf(desiredSpec, withSourceDefaults(actual.spec)));
  const subsources = subsourceFields(dSpec, aSpec, desired.name, options);
  for (const { key } of differingFields(dSpec, aSpec)) {
    if (subsources.handled.has(key)) continue;
    const entry = sourceEntry(dSpec.type, key);
    if (!entry) throw new Error(`${dSpec.type} sources have no registry entry for field ${key}`);
    const change = fieldChange(entry.keys[0]!, (aSpec as unknown as Record<string, unknown>)[key], (dSpec as unknown as Record<string, unknown>)[key], SOURCE_SHAPES[entry.codec.kind]);
    fields.push(change);
    if (entry.change !== 'in-place') forcing.push(change);
  }
  const tables = subsources.comparison;
  if (tables.kind === 'in-place') {
    fields.push(...tables.fields);
    alterations.push(...tables.alterations);
  } else if (tables.kind === 'replace') {
    fields.push(...tables.fields);
    forcing.push(...tables.fields);
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
 * The fields compared table by table (the registry's `per-table` entries, see
 * `compareSubsources`), and how they compare. Multi-output load generators
 * (AUCTION, MARKETING, TPCH) need `FOR ALL TABLES`, which Materialize does not
 * keep in the stored create_sql (src/sql/src/pure.rs:1249-1252 removes the
 * references once the subsources are planned): `all` in the manifest is what
 * any stored form means.
 */
function subsourceFields(
  desired: SourceSpec,
  actual: SourceSpec,
  source: ObjectName,
  options: { tablesUnknown?: boolean },
): { handled: ReadonlySet<string>; comparison: SubsourceComparison } {
  if ((desired.type === 'postgres' || desired.type === 'mysql') && (actual.type === 'postgres' || actual.type === 'mysql')) {
    const perTable = Object.keys(desired).filter((key) => sourceEntry(desired.type, key)?.change === 'per-table');
    const all = new Set([...perTable, ...Object.keys(actual).filter((key) => sourceEntry(actual.type, key)?.change === 'per-table')]);
    return { handled: all, comparison: compareSubsources(desired, actual, source, options) };
  }
  if (desired.type === 'load-generator' && actual.type === 'load-generator' && desired.generator === actual.generator) {
    const all = (t: TableSelection | undefined) => t === undefined || t.kind === 'all';
    if (all(desired.tables) && all(actual.tables)) return ALL_TABLES_ALIKE;
  }
  return NOTHING_HANDLED;
}

const ALL_TABLES_ALIKE: ReturnType<typeof subsourceFields> = { handled: new Set(['tables']), comparison: { kind: 'same' } };
const NOTHING_HANDLED: ReturnType<typeof subsourceFields> = { handled: new Set(), comparison: { kind: 'same' } };

/**
 * A field the server replaces when it purifies the statement (the registry's
 * `purifiedInto`: START TIMESTAMP is stored as the START OFFSET it resolved
 * to) is set in the manifest, and the catalog holds what it became: both are
 * left out of the comparison, which cannot tell whether they agree. A field
 * the server chooses when it is not written (`serverChosen`: the progress
 * subsource's name) is compared only when the manifest says it.
 */
function withoutPurified(desired: SourceSpec, actual: SourceSpec): [SourceSpec, SourceSpec] {
  if (desired.type !== actual.type) return [desired, actual];
  const d: Record<string, unknown> = { ...desired };
  const a: Record<string, unknown> = { ...actual };
  for (const [field, entry] of PURIFIED_OR_CHOSEN[desired.type]) {
    if (entry.serverChosen && d[field] === undefined) delete a[field];
    const into = entry.purifiedInto;
    if (into === undefined || d[field] === undefined || a[field] !== undefined || d[into] !== undefined || a[into] === undefined) continue;
    delete d[field];
    delete a[into];
  }
  return [d as unknown as SourceSpec, a as unknown as SourceSpec];
}

/** Per source type, the registry entries `withoutPurified` looks at: listed once, as every source of a diff goes through it. */
const PURIFIED_OR_CHOSEN = byType(SOURCE_TYPES, (type) => sourceEntries(type).filter(([, entry]) => entry.serverChosen === true || entry.purifiedInto !== undefined));

/** The actual TEXT / EXCLUDE COLUMNS take the desired spelling where both name the same columns (see column-refs.ts). */
function withColumnRefsOf(desired: SourceSpec, actual: SourceSpec): SourceSpec {
  if ((desired.type !== 'postgres' && desired.type !== 'mysql') || (actual.type !== 'postgres' && actual.type !== 'mysql')) return actual;
  let spec = actual;
  if (sameColumnRefs(desired.textColumns, actual.textColumns)) spec = withList(spec, 'textColumns', desired.textColumns);
  if (sameColumnRefs(desired.excludeColumns, actual.excludeColumns)) spec = withList(spec, 'excludeColumns', desired.excludeColumns);
  return spec;
}

function withList<S extends SourceSpec & { textColumns?: unknown; excludeColumns?: unknown }>(spec: S, key: 'textColumns' | 'excludeColumns', value: unknown): S {
  const { [key]: _dropped, ...rest } = spec;
  return (value === undefined ? rest : { ...rest, [key]: value }) as S;
}
