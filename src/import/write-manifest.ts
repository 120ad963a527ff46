import { Document } from 'yaml';
import { InputError } from '../errors.js';
import { closestMatch } from '../model/did-you-mean.js';
import {
  type ActualObject,
  type ActualState,
  type MzObject,
  type ObjectKind,
  type ObjectName,
  type Source,
  type SourceSpec,
  compareNames,
  displayName,
  nameKey,
  referencesOf,
} from '../model/index.js';
import { connectionDocument, type Doc, sourceDocument, tableDocument, type WriteRef } from './object-documents.js';
import { secretVariableNames } from './secret-variables.js';

/** What to import: every object of some schemas, and named objects; what they reference comes along. */
export interface ImportSelection {
  readonly schemas: readonly { readonly database: string; readonly schema: string }[];
  readonly objects: readonly ObjectName[];
}

export interface SecretVariable {
  /** The environment variable the manifest reads the value from. */
  readonly variable: string;
  readonly secret: ObjectName;
}

export interface ImportResult {
  /** The manifest, YAML text. */
  readonly manifest: string;
  /** Every `${env:...}` the manifest reads, sorted by variable: the user must set them before plan or apply. */
  readonly variables: readonly SecretVariable[];
  /** The objects written, in manifest order. */
  readonly objects: readonly { readonly kind: ObjectKind; readonly name: ObjectName }[];
  /** Objects written only because a selected object references them. */
  readonly pulledIn: readonly ObjectName[];
  /** Things the user should check by hand. */
  readonly notes: readonly string[];
}

const SECTION: Record<ObjectKind, 'secrets' | 'connections' | 'sources' | 'tables'> = { secret: 'secrets', connection: 'connections', source: 'sources', table: 'tables' };

/**
 * Writes a manifest for objects that exist, so that `plan` right after shows
 * no changes. Pure: the catalog comes in, YAML text comes out.
 *
 * - Secret values cannot be read back: each secret reads `${env:NAME}`,
 *   NAME from `secretVariableNames`; the user sets them.
 * - Comments, owners, clusters and references are kept as the catalog has them,
 *   except an owner equal to `connectedRole`, the role the import read the
 *   catalog as: what mzform creates gets that owner anyway, so `owner:` there
 *   would say nothing (and ownership of those objects is then left alone).
 * - `defaults` are the schema holding most of the objects and the cluster of
 *   every source when they share one; anything else is written per object.
 * - Order: kind sections, then names in code-unit order. Same catalog, same bytes.
 */
export function writeManifest(actual: ActualState, selection: ImportSelection, options: { readonly connectedRole?: string } = {}): ImportResult {
  const picked = selectObjects(actual, selection);
  checkNamesFit(picked.objects);
  const objects = picked.objects.map((o) => o.object);

  const placement = defaultPlacement(objects, selection);
  const clusters = [...new Set(objects.flatMap((o) => (o.kind === 'source' ? [o.cluster] : [])))];
  const defaultCluster = clusters.length === 1 ? clusters[0] : undefined;
  const inDefault = (n: ObjectName) => n.database === placement.database && n.schema === placement.schema;
  const ref: WriteRef = (t) => (inDefault(t) ? t.name : { name: t.name, schema_name: t.schema, database_name: t.database });

  const variables = secretVariableNames(objects.filter((o) => o.kind === 'secret').map((o) => o.name));
  const notes: string[] = [];
  const sections: Record<string, Doc> = { secrets: {}, connections: {}, sources: {}, tables: {} };
  // Sources that feed tables from sources: written in the v26 form, without a table list.
  const feedingTables = new Set(actual.objects.flatMap((o) => (o.object.kind === 'table' ? [nameKey(o.object.source)] : [])));
  for (const current of picked.objects) {
    const o = current.object;
    const write: { readonly [K in ObjectKind]: (o: Extract<MzObject, { kind: K }>) => Doc } = {
      secret: (secret) => ({ value: `\${env:${variables.get(nameKey(secret.name))}}` }),
      connection: (connection) => connectionDocument(connection.spec, ref),
      source: (source) => {
        notes.push(...sourceNotes(current));
        return {
          ...(source.cluster !== defaultCluster ? { cluster: source.cluster } : {}),
          ...sourceDocument(withReadableTables(current), ref, source.name, feedingTables.has(nameKey(source.name))),
          ...(source.retainHistory !== undefined ? { retain_history: source.retainHistory } : {}),
          ...(source.timestampInterval !== undefined ? { timestamp_interval: source.timestampInterval } : {}),
        };
      },
      table: (table) => tableDocument(table, ref),
    };
    const doc: Doc = (write[o.kind] as (o: MzObject) => Doc)(o);
    if (!inDefault(o.name)) {
      doc.database_name = o.name.database;
      doc.schema_name = o.name.schema;
    }
    if (o.comment !== undefined) doc.comment = o.comment;
    if (o.owner !== undefined && o.owner !== options.connectedRole) doc.owner = o.owner;
    (sections[SECTION[o.kind]] as Doc)[o.name.name] = doc;
  }

  // Objects in a form mzform cannot read are left out of the manifest (and so kept, never dropped): say so.
  const inSelection = (n: ObjectName) =>
    selection.schemas.some((s) => s.database === n.database && s.schema === n.schema) || selection.objects.some((o) => nameKey(o) === nameKey(n));
  for (const f of actual.foreign) {
    if (f.unreadable && f.name && inSelection(f.name)) {
      notes.push(`${f.unreadable.kind} ${displayName(f.name)} was not imported: mzform cannot read its definition (${f.unreadable.reason}); plans keep it as not managed.`);
    }
  }

  const emptySchemas = selection.schemas.filter((s) => !objects.some((o) => o.name.database === s.database && o.name.schema === s.schema));
  const manifest: Doc = {
    version: 1,
    defaults: { database: placement.database, schema: placement.schema, ...(defaultCluster !== undefined ? { cluster: defaultCluster } : {}) },
    ...(emptySchemas.length > 0 ? { scope: emptySchemas.map((s) => ({ database_name: s.database, schema_name: s.schema })) } : {}),
    ...Object.fromEntries(Object.entries(sections).filter(([, section]) => Object.keys(section).length > 0)),
  };
  const list = [...variables.entries()]
    .map(([key, variable]) => ({ variable, secret: objects.find((o) => nameKey(o.name) === key)?.name as ObjectName }))
    .sort((a, b) => (a.variable < b.variable ? -1 : a.variable > b.variable ? 1 : 0));

  const document = new Document(literalText(manifest, []));
  document.commentBefore = header(list);
  return {
    manifest: document.toString({ lineWidth: 0 }),
    variables: list,
    objects: objects.map((o) => ({ kind: o.kind, name: o.name })),
    pulledIn: picked.pulledIn,
    notes,
  };
}

/**
 * The manifest reads `${...}` in any string as a reference: text from the
 * catalog that contains `${` (a comment, a topic) is written as `$${`, which
 * reads back as the same text. Secret values are references on purpose.
 */
function literalText(value: unknown, path: readonly string[]): unknown {
  if (typeof value === 'string') return path[0] === 'secrets' && path[2] === 'value' ? value : value.replaceAll('${', () => '$${');
  if (Array.isArray(value)) return value.map((v) => literalText(v, path));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literalText(v, [...path, k])]));
  return value;
}

function header(variables: readonly SecretVariable[]): string {
  const lines = [
    ' Written by `mzform import` from the live catalog.',
    ' Secret values cannot be read back from Materialize: each secret reads an environment variable.',
  ];
  if (variables.length > 0) {
    lines.push(' Set these before `mzform plan` or `mzform apply`:');
    for (const v of variables) lines.push(`   ${v.variable}  (secret ${displayName(v.secret)})`);
  }
  return lines.join('\n');
}

/** The selected objects and, transitively, what they reference; sorted by kind, then name. */
/** A schema that does not exist is a mistyped name, not an empty manifest; checked when the catalog's schemas were read. */
function checkSchemaExists(actual: ActualState, s: { readonly database: string; readonly schema: string }): void {
  if (!actual.schemas || actual.schemas.some((k) => k.database === s.database && k.schema === s.schema)) return;
  const near = closestMatch(
    s.schema,
    actual.schemas.filter((k) => k.database === s.database).map((k) => k.schema),
  );
  throw new InputError('import.unknown-schema', `--schema ${s.schema}: the catalog has no schema ${s.database}.${s.schema}`, {
    hint: near !== undefined ? `Did you mean --schema ${near}?` : `The schemas of ${s.database}: ${actual.schemas.filter((k) => k.database === s.database).map((k) => k.schema).join(', ') || 'none'}.`,
  });
}

function selectObjects(actual: ActualState, selection: ImportSelection): { objects: ActualObject[]; pulledIn: ObjectName[] } {
  const byName = new Map(actual.objects.map((o) => [nameKey(o.object.name), o]));
  const chosen = new Map<string, ActualObject>();
  for (const s of selection.schemas) checkSchemaExists(actual, s);
  for (const o of actual.objects) {
    if (selection.schemas.some((s) => s.database === o.object.name.database && s.schema === o.object.name.schema)) chosen.set(nameKey(o.object.name), o);
  }
  for (const name of selection.objects) {
    const found = byName.get(nameKey(name));
    if (!found) throw new InputError('import.unknown-object', `no secret, connection, source or table from a source ${displayName(name)} in the catalog`);
    chosen.set(nameKey(name), found);
  }
  const pulledIn: ObjectName[] = [];
  const queue = [...chosen.values()];
  while (queue.length > 0) {
    const o = queue.shift() as ActualObject;
    for (const r of referencesOf(o.object)) {
      if (chosen.has(nameKey(r.target))) continue;
      const target = byName.get(nameKey(r.target));
      if (!target) {
        throw new InputError('import.dangling-reference', `${o.object.kind} ${displayName(o.object.name)} references ${displayName(r.target)}, which the catalog does not list`);
      }
      chosen.set(nameKey(r.target), target);
      pulledIn.push(r.target);
      queue.push(target);
    }
  }
  const kinds: ObjectKind[] = ['secret', 'connection', 'source', 'table'];
  const objects = [...chosen.values()].sort(
    (a, b) => kinds.indexOf(a.object.kind) - kinds.indexOf(b.object.kind) || compareNames(a.object.name, b.object.name),
  );
  return { objects, pulledIn: pulledIn.sort(compareNames) };
}

/**
 * A manifest keys objects by bare name within a kind, so two secrets (or
 * connections, or sources) of the same name in different schemas cannot
 * share one manifest.
 */
function checkNamesFit(objects: readonly ActualObject[]): void {
  const seen = new Map<string, ObjectName>();
  for (const { object } of objects) {
    const key = `${object.kind}\0${object.name.name}`;
    const first = seen.get(key);
    if (first) {
      throw new InputError(
        'import.name-clash',
        `${object.kind} ${displayName(first)} and ${displayName(object.name)} have the same name; one manifest keys each ${object.kind} by its name`,
        { hint: 'Import the two schemas into separate manifests (mzform import --schema ..., once per schema).' },
      );
    }
    seen.set(key, object.name);
  }
}

/** The schema most objects live in (the first selected schema when none), ties broken by name. */
function defaultPlacement(objects: readonly MzObject[], selection: ImportSelection): { database: string; schema: string } {
  const counts = new Map<string, { database: string; schema: string; count: number }>();
  for (const o of objects) {
    const key = JSON.stringify([o.name.database, o.name.schema]);
    const entry = counts.get(key) ?? { database: o.name.database, schema: o.name.schema, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort(
    (a, b) => b.count - a.count || compareNames({ ...a, name: '' }, { ...b, name: '' }),
  )[0];
  return best ?? selection.schemas[0] ?? { database: 'materialize', schema: 'public' };
}

/**
 * A Postgres / MySQL source's tables come from its create_sql or, on newer
 * servers, from its subsources' upstream tables. Two cases leave no list to
 * write, and an empty list is no valid manifest: the upstream tables were not
 * read (a catalog dump from an older mzform: `tablesUnknown`, and mzform then
 * does not compare the list), or the source has no subsource left. The
 * manifest then says `tables: all` and a note asks the user to check it.
 */
function withReadableTables(current: ActualObject): SourceSpec {
  const o = current.object as Source;
  const spec = o.spec;
  if (hasNoTableList(current)) return { ...spec, tables: { kind: 'all' } } as SourceSpec;
  return spec;
}

function hasNoTableList(current: ActualObject): boolean {
  const o = current.object;
  if (o.kind !== 'source' || (o.spec.type !== 'postgres' && o.spec.type !== 'mysql')) return false;
  // An empty list is a source with no subsource: written without a list (a v26 source, whose tables are `tables:`).
  return current.tablesUnknown === true;
}

function sourceNotes(current: ActualObject): string[] {
  const o = current.object;
  if (o.kind !== 'source') return [];
  const notes: string[] = [];
  if (current.tablesUnknown) {
    notes.push(
      `source ${displayName(o.name)}: the catalog rows hold no upstream tables for its subsources (a dump from an older mzform?), so the manifest says "tables: all"; mzform does not compare it, but write the real list before you change the source (re-creating it would take every table).`,
    );
  }
  return notes;
}
