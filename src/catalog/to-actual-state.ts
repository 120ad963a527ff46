import {
  type ActualCluster,
  type ActualObject,
  type ActualState,
  CONNECTION_TYPES,
  type ForeignObject,
  type MzObject,
  OBJECT_KINDS,
  type ObjectKind,
  type ObjectName,
  type ObjectOutputs,
  SOURCE_TYPES,
  type SourceTable,
  type SourceType,
  type StoredFingerprint,
  NO_FINGERPRINT,
  compareNames,
  parseSecretComment,
} from '../model/index.js';
import { parseCreateSql, type ToModelOptions } from '../sql/index.js';
import { objectFingerprint } from './fingerprint.js';
import { isLockObject } from './lock-object.js';
import { upstreamName } from './upstream-names.js';
import type { CatalogRows, ObjectRow } from './queries.js';

export interface ToActualStateOptions {
  /**
   * Whether an object is in the schemas mzform manages. Kept for callers;
   * a definition mzform cannot read is never an error any more: the object is
   * foreign, marked `unreadable`, wherever it is.
   */
  readonly inScope?: (name: ObjectName) => boolean;
}

/**
 * Rows from the catalog queries -> the typed actual state. Pure.
 *
 * Connections and sources are parsed from their stored create_sql into the
 * same model the manifest produces; the catalog's own columns win for what
 * create_sql spells by id (cluster) or does not hold (owner, comment).
 * Subsources, progress sources and types mzform does not model are foreign
 * objects: never listed as unmanaged, never dropped on their own.
 */
export function toActualState(rows: CatalogRows, options: ToActualStateOptions = {}): ActualState {
  const comments = new Map<string, string>();
  for (const r of rows.comments) comments.set(r.id, r.comment);
  const withheld = new Set((rows.fingerprintsWithheld ?? []).map((r) => r.id));
  const dependsOn = new Map<string, string[]>();
  for (const d of rows.dependencies) {
    const list = dependsOn.get(d.object_id);
    if (list) list.push(d.referenced_object_id);
    else dependsOn.set(d.object_id, [d.referenced_object_id]);
  }
  const outputs = outputsById(rows);
  const subsourceTables = tablesBySource(rows, dependsOn);

  const objects: ActualObject[] = [];
  const foreign: ForeignObject[] = [];
  const seen = new Set<string>();
  for (const row of rows.objects) {
    const knownDeps = dependsOn.get(row.id);
    // Only ids with dependencies are looked up in `seen` (by the loop over dependencies below).
    if (knownDeps !== undefined) seen.add(row.id);
    // The apply lock is mzform's, not the user's: neither managed, unmanaged nor a dependent.
    if (isLockObject(row)) continue;
    const name: ObjectName = { database: row.database_name ?? '', schema: row.schema_name, name: row.name };
    const deps = knownDeps ?? [];
    if (!MANAGED_TYPE[row.kind](row.type) || row.database_name === null) {
      foreign.push({ id: row.id, type: row.type ?? row.kind, name, dependsOn: deps });
      continue;
    }
    let read: { object: MzObject; tablesUnknown: boolean };
    try {
      read = definitionOf(row, name);
      if (read.tablesUnknown) read = withSubsourceTables(read.object, subsourceTables, row.id);
    } catch (err) {
      // Never fatal: shown as not managed and kept, whatever schema it is in (see ForeignObject.unreadable).
      const reason = err instanceof Error ? err.message : String(err);
      foreign.push({ id: row.id, type: row.type ?? row.kind, name, dependsOn: deps, unreadable: { kind: row.kind, reason } });
      continue;
    }
    objects.push(managedObject(row, name, read, deps, comments.get(row.id), withheld, outputs.get(row.id) ?? {}));
  }
  // Dependents that are neither secrets, connections nor sources (views, indexes, sinks, ...): named from mz_objects when the rows say.
  for (const d of rows.dependencies) {
    if (seen.has(d.object_id)) continue;
    seen.add(d.object_id);
    const named = d.object_name && d.schema_name ? { name: { database: d.database_name ?? '', schema: d.schema_name, name: d.object_name } } : {};
    foreign.push({ id: d.object_id, type: d.object_type ?? 'object', ...named, dependsOn: dependsOn.get(d.object_id) ?? [] });
  }
  objects.sort((a, b) => KIND_ORDER[a.object.kind] - KIND_ORDER[b.object.kind] || compareNames(a.object.name, b.object.name));
  foreign.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const namesOf = (kind: 'cluster' | 'role') => [...new Set(rows.containers.filter((c) => c.kind === kind).map((c) => c.name))].sort(byCodeUnit);
  return {
    objects,
    foreign,
    clusters: namesOf('cluster'),
    roles: namesOf('role'),
    ...(rows.databases ? { databases: [...new Set(rows.databases.map((d) => d.name))].sort(byCodeUnit) } : {}),
    ...(rows.schemas ? { schemas: schemasOf(rows.schemas) } : {}),
    ...(rows.clusters ? { clusterDetails: clustersOf(rows.clusters) } : {}),
  };
}

/** A managed row's object with the catalog's comment and owner, what it tells of a secret's value, and the row's fingerprint. */
function managedObject(
  row: ObjectRow,
  name: ObjectName,
  read: { object: MzObject; tablesUnknown: boolean },
  deps: readonly string[],
  rawComment: string | undefined,
  withheld: ReadonlySet<string>,
  outputs: ObjectOutputs,
): ActualObject {
  let comment = rawComment;
  let secretFingerprint: StoredFingerprint | undefined;
  if (row.kind === 'secret') {
    const parsed = parseSecretComment(rawComment);
    comment = parsed.comment;
    secretFingerprint = parsed.fingerprint !== undefined ? { state: 'stored', fingerprint: parsed.fingerprint } : withheld.has(row.id) ? { state: 'unknown' } : NO_FINGERPRINT;
  }
  // The catalog's name, comment and owner win over what create_sql says (members in this order, as always).
  const object: MzObject = { ...read.object, name };
  // Set on the fresh copy rather than spread in: members in the same order, fewer temporary objects.
  const catalogSays = object as { comment?: string; owner?: string };
  if (comment !== undefined) catalogSays.comment = comment;
  if (row.owner_name !== null) catalogSays.owner = row.owner_name;
  const fingerprint = objectFingerprint({
    id: row.id,
    kind: row.kind,
    database: name.database,
    schema: name.schema,
    name: name.name,
    type: row.type,
    createSql: row.create_sql,
    comment: rawComment ?? null,
    owner: row.owner_name,
    cluster: row.cluster_name,
  });
  return actualObject(row.id, object, deps, outputs, secretFingerprint, read.tablesUnknown, fingerprint);
}

/** One literal per combination of the optional members, so that every object gets its members in the same order without spreads. */
function actualObject(
  id: string,
  object: MzObject,
  dependsOn: readonly string[],
  outputs: ObjectOutputs,
  secretFingerprint: StoredFingerprint | undefined,
  tablesUnknown: boolean,
  fingerprint: string,
): ActualObject {
  if (secretFingerprint !== undefined) {
    return tablesUnknown ? { id, object, dependsOn, outputs, secretFingerprint, tablesUnknown, fingerprint } : { id, object, dependsOn, outputs, secretFingerprint, fingerprint };
  }
  return tablesUnknown ? { id, object, dependsOn, outputs, tablesUnknown, fingerprint } : { id, object, dependsOn, outputs, fingerprint };
}

/** Objects are listed kind by kind, in OBJECT_KINDS order. */
const KIND_ORDER = Object.fromEntries(OBJECT_KINDS.map((kind, i) => [kind, i])) as Record<ObjectKind, number>;

function clustersOf(rows: NonNullable<CatalogRows['clusters']>): ActualCluster[] {
  return [...rows]
    .sort((a, b) => byCodeUnit(a.name, b.name))
    .map((r) => ({
      name: r.name,
      managed: r.managed === 'true',
      ...(r.size !== null ? { size: r.size } : {}),
      ...(r.replication_factor !== null ? { replicationFactor: Number(r.replication_factor) } : {}),
    }));
}

function schemasOf(rows: NonNullable<CatalogRows['schemas']>): { database: string; schema: string }[] {
  const unique = new Map(rows.map((r) => [JSON.stringify([r.database_name, r.name]), { database: r.database_name, schema: r.name }]));
  return [...unique.values()].sort((a, b) => byCodeUnit(a.database, b.database) || byCodeUnit(a.schema, b.schema));
}

/**
 * The tables of each Postgres / MySQL source, by source id, rebuilt from its
 * subsources: the subsource's upstream table (`sourceTables`), its name (the
 * objects rows) and its source (the dependency edge to a Postgres or MySQL
 * source). `unknown` when the rows were not read, or when a subsource has no
 * upstream table row: then the list would be wrong, so it is not claimed.
 */
type SubsourceTables = { readonly kind: 'unknown' } | { readonly kind: 'known'; readonly bySource: ReadonlyMap<string, readonly SourceTable[]>; readonly incomplete: ReadonlySet<string> };

function tablesBySource(rows: CatalogRows, dependsOn: ReadonlyMap<string, readonly string[]>): SubsourceTables {
  if (!rows.sourceTables) return { kind: 'unknown' };
  const upstream = new Map(rows.sourceTables.map((t) => [t.id, t]));
  const subsources = rows.objects.filter((row) => row.kind === 'source' && row.type === 'subsource');
  // Indexed only when there are subsources: most catalogs of thousands of objects have none.
  const byId = new Map(subsources.length > 0 ? rows.objects.map((o) => [o.id, o]) : []);
  const isParent = (id: string) => {
    const o = byId.get(id);
    return o?.kind === 'source' && (o.type === 'postgres' || o.type === 'mysql');
  };
  const bySource = new Map<string, SourceTable[]>();
  const incomplete = new Set<string>();
  for (const row of subsources) {
    const parentId = (dependsOn.get(row.id) ?? []).find(isParent);
    if (parentId === undefined) continue;
    const parent = byId.get(parentId)!;
    const table = upstream.get(row.id);
    if (!table || row.database_name === null) {
      incomplete.add(parentId);
      continue;
    }
    // The server names a subsource after its table, in the source's schema, unless told otherwise: only a different name is an alias.
    const defaultName = row.database_name === parent.database_name && row.schema_name === parent.schema_name && row.name === upstreamName(table.table_name);
    const entry: SourceTable = {
      reference: [upstreamName(table.schema_name), upstreamName(table.table_name)],
      ...(defaultName ? {} : { alias: { database: row.database_name, schema: row.schema_name, name: row.name } }),
    };
    bySource.set(parentId, [...(bySource.get(parentId) ?? []), entry]);
  }
  for (const tables of bySource.values()) tables.sort(compareSourceTables);
  return { kind: 'known', bySource, incomplete };
}

/** Upstream reference part by part, then the subsource's name (none first): the same list always reads the same. */
function compareSourceTables(a: SourceTable, b: SourceTable): number {
  const length = Math.max(a.reference.length, b.reference.length);
  for (let i = 0; i < length; i++) {
    const order = byCodeUnit(a.reference[i] ?? '', b.reference[i] ?? '');
    if (order !== 0) return order;
  }
  if (!a.alias || !b.alias) return (a.alias ? 1 : 0) - (b.alias ? 1 : 0);
  return compareNames(a.alias, b.alias);
}

/** A source whose create_sql lists no tables gets the list its subsources make, when it is known. */
function withSubsourceTables(object: MzObject, tables: SubsourceTables, id: string): { object: MzObject; tablesUnknown: boolean } {
  if (tables.kind === 'unknown' || tables.incomplete.has(id)) return { object, tablesUnknown: true };
  if (object.kind !== 'source' || (object.spec.type !== 'postgres' && object.spec.type !== 'mysql')) return { object, tablesUnknown: false };
  const list = tables.bySource.get(id) ?? [];
  return { object: { ...object, spec: { ...object.spec, tables: { kind: 'tables', tables: list } } }, tablesUnknown: false };
}

/** Plain code-unit order, as everywhere in mzform's output: no locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether mzform models a catalog row of this kind and `type` (a Kafka source yes, a webhook source no). */
const MANAGED_TYPE: Record<ObjectKind, (type: string | null | undefined) => boolean> = {
  secret: () => true,
  connection: (type) => (CONNECTION_TYPES as readonly string[]).includes(type ?? ''),
  source: (type) => (SOURCE_TYPES as readonly string[]).includes(type ?? ''),
  // A table's row carries its source's type: tables of a webhook or SQL Server source are not modelled.
  table: (type) => (SOURCE_TYPES as readonly string[]).includes(type ?? ''),
};

/** The object create_sql defines, named as the catalog row names it (set by the caller). */
function definitionOf(row: ObjectRow, name: ObjectName): { object: MzObject; tablesUnknown: boolean } {
  if (row.kind === 'secret') return { object: { kind: 'secret', name }, tablesUnknown: false };
  if (row.create_sql === null) throw new Error('the catalog holds no create_sql for it');
  const cluster = row.cluster_name;
  const options: ToModelOptions = {
    defaultDatabase: name.database,
    defaultSchema: name.schema,
    objectName: name,
    // create_sql spells the source's own cluster by id (`IN CLUSTER [u1]`); the catalog row has its name.
    resolveCluster: () => cluster ?? undefined,
    ...(cluster ? { defaultCluster: cluster } : {}),
    ...(row.kind === 'table' ? { sourceTypeOf: () => row.type as SourceType } : {}),
  };
  const parsed = parseCreateSql(row.create_sql, options);
  const object: MzObject = parsed.object;
  if (object.kind !== row.kind) throw new Error(`create_sql defines a ${object.kind}, the catalog lists a ${row.kind}`);
  return { object, tablesUnknown: parsed.outputs.tablesFromSubsources === true };
}

function outputsById(rows: CatalogRows): Map<string, ObjectOutputs> {
  const outputs = new Map<string, ObjectOutputs>();
  const add = (id: string, o: ObjectOutputs) => outputs.set(id, { ...(outputs.get(id) ?? {}), ...o });
  for (const r of rows.sshKeys) add(r.id, { publicKeys: [r.public_key_1, r.public_key_2] });
  for (const r of rows.privatelinks) add(r.id, { principal: r.principal });
  for (const r of rows.aws) if (r.external_id !== null) add(r.id, { externalId: r.external_id });
  return outputs;
}
