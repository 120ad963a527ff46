import type { Alteration, FieldChange, SubsourceColumns } from '../change.js';
import type { ObjectName, SourceTable, TableSelection } from '../../model/index.js';
import { SOURCE_SHAPES, sameName } from '../../model/index.js';
import { sameValue } from '../values.js';
import { fieldChange } from './comparison.js';

/**
 * How the subsources of a legacy Postgres / MySQL source compare: the table
 * selection together with TEXT COLUMNS and EXCLUDE COLUMNS, because
 * Materialize changes them table by table.
 *
 * - A table removed is `DROP SOURCE <subsource>`: Materialize documents
 *   dropping a subsource with DROP SOURCE (doc/user/content/sql/alter-source.md:91-98,
 *   "Dropping subsources"; ALTER SOURCE ... DROP SUBSOURCE is refused,
 *   src/sql/src/plan/statement/ddl.rs:7355).
 * - A table added is `ALTER SOURCE ... ADD SUBSOURCE t WITH (TEXT COLUMNS
 *   (...), EXCLUDE COLUMNS (...))` with that table's columns
 *   (src/sql-parser/tests/testdata/ddl:1738, src/sql/src/pure.rs:1438).
 * - A table whose columns change is dropped and added again ("using a
 *   combination of dropping and adding subsources lets you change the schema",
 *   doc/user/content/sql/alter-source.md:83-84): only that table re-ingests.
 * - A subsource renamed in its schema is `ALTER SOURCE <subsource> RENAME TO`:
 *   a subsource is an item of type source (src/sql/src/plan/statement/ddl.rs:6552).
 *
 * Materialize keeps a source's TEXT COLUMNS in its create_sql, merging a new
 * subsource's columns in and leaving out those of tables no longer ingested
 * only at the next ADD SUBSOURCE (src/adapter/src/coord/sequencer/inner.rs:3762-3800):
 * columns of a table the source does not have are stale and compare as absent.
 *
 * Switching between all tables, schemas and a list cannot be done in place;
 * neither can a column change when the manifest does not list the tables.
 */
export type SubsourceComparison =
  | { readonly kind: 'same' }
  | { readonly kind: 'in-place'; readonly fields: readonly FieldChange[]; readonly alterations: readonly Alteration[] }
  | { readonly kind: 'replace'; readonly fields: readonly FieldChange[] };

export interface SubsourceSide {
  readonly type: 'postgres' | 'mysql';
  readonly tables: TableSelection;
  readonly textColumns?: readonly (readonly string[])[];
  readonly excludeColumns?: readonly (readonly string[])[];
}

export function compareSubsources(
  desired: SubsourceSide,
  actual: SubsourceSide,
  source: ObjectName,
  options: { readonly tablesUnknown?: boolean } = {},
): SubsourceComparison {
  // The catalog did not say which tables the source has (see ActualObject.tablesUnknown): nothing to compare.
  if (options.tablesUnknown) return SAME;
  const d = { ...desired, tables: withDefaultAliases(desired.tables, source) };
  const a = { ...actual, tables: withDefaultAliases(actual.tables, source) };
  if (d.tables.kind === 'tables' && a.tables.kind === 'tables') return compareLists(d, d.tables.tables, a, a.tables.tables);

  const fields: FieldChange[] = [];
  if (!sameSelection(d.tables, a.tables)) fields.push(fieldChange('tables', actual.tables, desired.tables, SOURCE_SHAPES['table-selection']));
  // Without a list on both sides the tables cannot be matched one to one: compare the columns as a whole.
  const current = a.tables.kind === 'tables' ? a.tables.tables : undefined;
  for (const key of ['textColumns', 'excludeColumns'] as const) {
    const actualColumns = current ? (a[key] ?? []).filter((c) => current.some((t) => columnOf(c, t))) : (a[key] ?? []);
    if (!sameColumnSet(d[key] ?? [], actualColumns)) fields.push(fieldChange(FIELD[key], actual[key], desired[key], SOURCE_SHAPES['column-list']));
  }
  return fields.length === 0 ? SAME : { kind: 'replace', fields };
}

const SAME: SubsourceComparison = { kind: 'same' };
const FIELD = { textColumns: 'text_columns', excludeColumns: 'exclude_columns' } as const;

function compareLists(desired: SubsourceSide, wanted: readonly SourceTable[], actual: SubsourceSide, current: readonly SourceTable[]): SubsourceComparison {
  const drops: Alteration[] = [];
  const renames: Alteration[] = [];
  const adds: Alteration[] = [];
  let tablesChanged = false;
  let columnsChanged = { textColumns: false, excludeColumns: false };
  for (const table of current) {
    const match = wanted.find((w) => sameReference(w.reference, table.reference));
    const now = subsourceName(table);
    if (!match) {
      drops.push({ kind: 'drop-subsource', table, subsource: now });
      tablesChanged = true;
      continue;
    }
    const before = columnsOf(actual, table);
    const after = columnsOf(desired, match);
    const sameText = sameValue(columnNames(before.textColumns), columnNames(after.textColumns));
    // A Postgres source's create_sql lists only the EXCLUDE COLUMNS given at CREATE SOURCE: those of a table added later
    // stay on its subsource (src/adapter/src/coord/sequencer/inner.rs:3762-3800 merges TEXT COLUMNS only), which is not read.
    const excludeUnknown = actual.type === 'postgres' && before.excludeColumns === undefined;
    const sameExclude = excludeUnknown || sameValue(columnNames(before.excludeColumns), columnNames(after.excludeColumns));
    const target = subsourceName(match);
    if (sameText && sameExclude) {
      if (sameName(now, target)) continue;
      tablesChanged = true;
      // RENAME TO keeps the schema: a subsource moved elsewhere is dropped and added again.
      if (now.database === target.database && now.schema === target.schema) renames.push({ kind: 'rename-subsource', subsource: now, to: target.name });
      else {
        drops.push({ kind: 'drop-subsource', table, subsource: now });
        adds.push(addition(match, after));
      }
      continue;
    }
    columnsChanged = { textColumns: columnsChanged.textColumns || !sameText, excludeColumns: columnsChanged.excludeColumns || !sameExclude };
    drops.push({ kind: 'drop-subsource', table, subsource: now, reason: 'columns' });
    adds.push(addition(match, after));
    if (!sameName(now, target)) tablesChanged = true;
  }
  for (const table of wanted) {
    if (current.some((c) => sameReference(c.reference, table.reference))) continue;
    adds.push(addition(table, columnsOf(desired, table)));
    tablesChanged = true;
  }
  const fields: FieldChange[] = [];
  if (tablesChanged) fields.push(fieldChange('tables', actual.tables, desired.tables, SOURCE_SHAPES['table-selection']));
  for (const key of ['textColumns', 'excludeColumns'] as const) if (columnsChanged[key]) fields.push(fieldChange(FIELD[key], actual[key], desired[key], SOURCE_SHAPES['column-list']));
  if (fields.length === 0) return SAME;
  // Drops first: they free the subsource names and upstream tables the adds take again.
  return { kind: 'in-place', fields, alterations: [...drops, ...renames, ...adds] };
}

function addition(table: SourceTable, columns: SubsourceColumns): Alteration {
  return { kind: 'add-subsource', table, ...columns };
}

/** The subsource a table lands in (aliases are filled in by `withDefaultAliases`). */
function subsourceName(table: SourceTable): ObjectName {
  if (!table.alias) throw new Error(`table ${table.reference.join('.')} has no subsource name`);
  return table.alias;
}

/**
 * A subsource without `AS` is named after its upstream table, in the source's
 * database and schema; spelling that name out must compare equal to leaving it out.
 */
function withDefaultAliases(selection: TableSelection, source: ObjectName): TableSelection {
  if (selection.kind !== 'tables') return selection;
  return {
    kind: 'tables',
    tables: selection.tables.map((t) => ({
      reference: t.reference,
      alias: t.alias ?? { database: source.database, schema: source.schema, name: t.reference[t.reference.length - 1] ?? '' },
    })),
  };
}

/** A table's own TEXT / EXCLUDE COLUMNS, by column name, sorted; absent when it has none. */
function columnsOf(side: SubsourceSide, table: SourceTable): SubsourceColumns {
  const pick = (columns: readonly (readonly string[])[] | undefined) =>
    (columns ?? []).filter((c) => columnOf(c, table)).sort(compareParts);
  const text = pick(side.textColumns);
  const exclude = pick(side.excludeColumns);
  return { ...(text.length > 0 ? { textColumns: text } : {}), ...(exclude.length > 0 ? { excludeColumns: exclude } : {}) };
}

/** Column names only: the table is already matched, however its reference was written. */
function columnNames(columns: readonly (readonly string[])[] | undefined): string[] {
  return (columns ?? []).map((c) => c[c.length - 1] ?? '').sort();
}

function compareParts(a: readonly string[], b: readonly string[]): number {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A column reference (`schema.table.column`, with or without the upstream database) of this table. */
function columnOf(column: readonly string[], table: SourceTable): boolean {
  return column.length >= 2 && sameReference(column.slice(0, -1), table.reference);
}

/**
 * One upstream name written two ways: one ends the other. The catalog gives a
 * Postgres table as `schema.table` (and its TEXT COLUMNS with the database in
 * front) while a manifest may add the upstream database or leave out the
 * schema, as Materialize resolves a reference by its trailing parts.
 */
export function sameReference(a: readonly string[], b: readonly string[]): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const offset = longer.length - shorter.length;
  return shorter.length > 0 && shorter.every((part, i) => part === longer[offset + i]);
}

/** The column lists as sets, each reference matching one of the other side by its trailing parts. */
function sameColumnSet(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => sameReference(x, y))) && b.every((y) => a.some((x) => sameReference(x, y)));
}

/**
 * The catalog cannot tell `FOR ALL TABLES` from the list of tables that
 * existed at creation (servers keep only the subsources), so `all` never
 * differs from a list read back; `schemas` differs only when a current table
 * lies outside them.
 */
function sameSelection(desired: TableSelection, actual: TableSelection): boolean {
  switch (desired.kind) {
    case 'all':
      return actual.kind !== 'schemas';
    case 'schemas': {
      if (actual.kind === 'all') return false;
      if (actual.kind === 'schemas') return sameValue([...desired.schemas].sort(), [...actual.schemas].sort());
      const wanted = new Set(desired.schemas);
      return actual.tables.every((t) => wanted.has(t.reference[t.reference.length - 2] ?? ''));
    }
    case 'tables':
      // A list against all tables or schemas: the server keeps no list to match it against one by one.
      return false;
  }
}
