import {
  compareNames,
  nameKey,
  OBJECT_KINDS,
  type Connection,
  type DesiredContainers,
  type DesiredState,
  type MzObject,
  type ObjectName,
  type Secret,
  type Source,
  type Rename,
  type SourceLocation,
} from '../model/index.js';
import { convertConnection } from './connection-converter.js';
import { containersOf } from './containers.js';
import { checkReferences, type CheckedObject, type Declared } from './cross-checks.js';
import { ManifestError, objectLabel, type Diagnostic } from './diagnostics.js';
import type { ConnectionDoc, ManifestDoc, SecretDoc, SourceDoc } from './manifest-document.js';
import { ObjectContext, type NameDefaults } from './object-context.js';
import { validateAgainstSchema } from './schema-validation.js';
import { resolveSecretValue, type ReadSecretFile } from './secret-values.js';
import { convertSource, subsourceNames } from './source-converter.js';
import { YamlDocument, type DocPath } from './yaml-document.js';

/** Where objects go when neither the object nor `defaults` says: Materialize's own defaults. */
const BUILTIN_DEFAULTS: NameDefaults = { database: 'materialize', schema: 'public' };

/** Materialize refuses longer comments ("max size is 1024 bytes"). */
const MAX_COMMENT_BYTES = 1024;

type Kind = 'secret' | 'connection' | 'source';
const SECTION: Record<Kind, 'secrets' | 'connections' | 'sources'> = { secret: 'secrets', connection: 'connections', source: 'sources' };

/**
 * Manifest text → desired state, or a ManifestError listing every problem.
 * Pure apart from `readFile` (for `${file:...}` secrets): the environment is a
 * parameter and nothing touches a database.
 */
export function parseManifest(
  text: string,
  file: string,
  env: Readonly<Record<string, string | undefined>>,
  readFile?: ReadSecretFile,
): DesiredState {
  const yaml = new YamlDocument(text);
  const diagnostics: Diagnostic[] = [];
  const report = (path: DocPath, target: 'key' | 'value', message: string, object?: string) => {
    diagnostics.push({ file, ...yaml.positionOf(path, target), ...(object ? { object } : {}), message });
  };
  const fail = () => new ManifestError(file, diagnostics);
  const lineOf = (path: DocPath) => yaml.positionOf(path, 'key').line;

  for (const e of yaml.syntaxErrors) diagnostics.push({ file, ...e.position, message: e.message });
  if (diagnostics.length > 0) throw fail();

  const value = yaml.toJS();
  if (value === null || value === undefined) {
    report([], 'value', 'the manifest is empty; it needs at least `version: 1`');
    throw fail();
  }
  findNulCharacters(value, [], (path) => report(path, 'value', 'contains a NUL character, which Materialize cannot store'));

  // Schema problems mark their object as invalid: it is not converted, but its name still counts as declared.
  const invalid = new Set<string>();
  for (const problem of validateAgainstSchema(value)) {
    const owner = ownerOf(problem.path);
    if (owner) invalid.add(JSON.stringify([SECTION[owner[0]], owner[1]]));
    report(problem.path, problem.target, problem.message, owner ? labelOf(owner) : undefined);
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw fail();

  const doc = value as Partial<ManifestDoc>;
  const defaults = plainObject(doc.defaults) ? doc.defaults : {};
  const nameDefaults: NameDefaults = {
    database: stringOr(defaults.database, BUILTIN_DEFAULTS.database),
    schema: stringOr(defaults.schema, BUILTIN_DEFAULTS.schema),
  };

  // Every declared name, valid or not, so that references to a broken object are not also "unknown".
  const declared = new Map<string, Declared>();
  const placements = new Map<string, ObjectName>();
  for (const kind of OBJECT_KINDS) {
    for (const [key, entry] of entriesOf(doc[SECTION[kind]])) {
      const path = [SECTION[kind], key];
      const name: ObjectName = {
        database: stringOr(entry?.database_name, nameDefaults.database),
        schema: stringOr(entry?.schema_name, nameDefaults.schema),
        name: key,
      };
      placements.set(JSON.stringify(path), name);
      const type = kind === 'secret' ? undefined : typeof entry?.type === 'string' ? entry.type : undefined;
      declare(declared, name, { name, kind, ...(type ? { type } : {}), label: objectLabel(kind, key), path }, report, lineOf);
    }
  }

  const checked: CheckedObject[] = [];
  const locations = new Map<string, SourceLocation>();
  const renames: Rename[] = [];
  const renamedBy = new Map<string, string>();
  for (const kind of OBJECT_KINDS) {
    for (const [key, entry] of entriesOf(doc[SECTION[kind]])) {
      const path = [SECTION[kind], key];
      if (invalid.has(JSON.stringify(path))) continue;
      const name = placements.get(JSON.stringify(path))!;
      const label = objectLabel(kind, key);
      const ctx = new ObjectContext(path, nameDefaults);
      const object = convertObject(kind, entry, name, ctx, { env, readFile, defaultCluster: defaults.cluster });
      for (const p of ctx.problems) report(p.path, p.target, p.message, label);
      if (typeof entry.comment === 'string' && Buffer.byteLength(entry.comment, 'utf8') > MAX_COMMENT_BYTES) {
        report([...path, 'comment'], 'value', `comment is longer than ${MAX_COMMENT_BYTES} bytes`, label);
      }
      if (!object) continue;
      if (object.kind === 'source') {
        for (const sub of subsourceNames(object.spec)) {
          declare(declared, sub.name, { name: sub.name, kind: 'subsource', label, path: [...path, 'tables', sub.index, 'name'] }, report, lineOf);
        }
      }
      if (typeof entry.renamed_from === 'string') {
        const from: ObjectName = { ...name, name: entry.renamed_from };
        const at: DocPath = [...path, 'renamed_from'];
        const claimed = renamedBy.get(nameKey(from));
        if (entry.renamed_from === name.name) report(at, 'value', 'renamed_from names the object itself', label);
        else if (declared.has(nameKey(from))) report(at, 'value', `${displayQualified(from)} is declared in the manifest too; an object cannot be both kept and renamed`, label);
        else if (claimed !== undefined) report(at, 'value', `${claimed} is already renamed from ${displayQualified(from)}`, label);
        else {
          renamedBy.set(nameKey(from), label);
          renames.push({ kind, from, to: name });
        }
      }
      checked.push({ object, label, path, referenceSites: ctx.referenceSites });
      locations.set(nameKey(name), { file, ...yaml.positionOf(path, 'key') });
    }
  }

  for (const p of checkReferences(checked, declared)) report(p.path, p.target, p.message, p.object);
  if (diagnostics.length > 0) throw fail();

  const objects = checked.map((c) => c.object).sort(compareObjects);
  return {
    file,
    objects,
    scope: scopeOf(objects, doc.scope ?? [], nameDefaults),
    prune: doc.prune ?? false,
    locations,
    ...withContainers(containersOf(doc, nameDefaults.database)),
    ...(renames.length > 0 ? { renames: renames.sort((a, b) => compareNames(a.to, b.to)) } : {}),
  };
}

interface ConvertOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readFile: ReadSecretFile | undefined;
  readonly defaultCluster: string | undefined;
}

function convertObject(kind: Kind, entry: Record<string, unknown>, name: ObjectName, ctx: ObjectContext, options: ConvertOptions): MzObject | undefined {
  const meta = {
    name,
    ...(typeof entry.comment === 'string' ? { comment: entry.comment } : {}),
    ...(typeof entry.owner === 'string' ? { owner: entry.owner } : {}),
  };
  switch (kind) {
    case 'secret': {
      const doc = entry as unknown as SecretDoc;
      const resolved = resolveSecretValue(doc.value, options.env, options.readFile);
      if ('problem' in resolved) {
        ctx.problem(['value'], resolved.problem, 'value');
        return undefined;
      }
      return { kind: 'secret', ...meta, value: resolved.value } satisfies Secret;
    }
    case 'connection': {
      const doc = entry as unknown as ConnectionDoc;
      return {
        kind: 'connection',
        ...meta,
        spec: convertConnection(doc, ctx),
        ...(doc.validate !== undefined ? { validate: doc.validate } : {}),
      } satisfies Connection;
    }
    case 'source': {
      const doc = entry as unknown as SourceDoc;
      const cluster = doc.cluster ?? options.defaultCluster;
      if (cluster === undefined) ctx.problem([], 'has no cluster: set cluster on the source or defaults.cluster');
      return {
        kind: 'source',
        ...meta,
        cluster: cluster ?? '',
        spec: convertSource(doc, ctx, { database: name.database, schema: name.schema }),
        ...(doc.retain_history !== undefined ? { retainHistory: doc.retain_history } : {}),
        ...(doc.timestamp_interval !== undefined ? { timestampInterval: doc.timestamp_interval } : {}),
      } satisfies Source;
    }
  }
}

/** Items of one schema share a namespace: a secret and a connection cannot have the same qualified name. */
function declare(
  declared: Map<string, Declared>,
  name: ObjectName,
  entry: Declared,
  report: (path: DocPath, target: 'key' | 'value', message: string, object?: string) => void,
  lineOf: (path: DocPath) => number,
): void {
  const key = nameKey(name);
  const first = declared.get(key);
  if (first) {
    const message = `the name ${displayQualified(name)} is already taken by ${first.label} (line ${lineOf(first.path)})`;
    report(entry.path, entry.kind === 'subsource' ? 'value' : 'key', message, entry.label);
    return;
  }
  declared.set(key, entry);
}

function displayQualified(name: ObjectName): string {
  return [name.database, name.schema, name.name].map((p) => (/^[a-z_][a-z0-9_$]*$/.test(p) ? p : JSON.stringify(p))).join('.');
}

function withContainers(containers: DesiredContainers | undefined): { containers?: DesiredContainers } {
  return containers ? { containers } : {};
}

function compareObjects(a: MzObject, b: MzObject): number {
  return OBJECT_KINDS.indexOf(a.kind) - OBJECT_KINDS.indexOf(b.kind) || compareNames(a.name, b.name);
}

function scopeOf(objects: readonly MzObject[], extra: ManifestDoc['scope'] & {}, defaults: NameDefaults): DesiredState['scope'] {
  const pairs = new Map<string, { database: string; schema: string }>();
  const add = (database: string, schema: string) => pairs.set(JSON.stringify([database, schema]), { database, schema });
  for (const o of objects) add(o.name.database, o.name.schema);
  for (const s of extra) {
    if (typeof s === 'string') add(defaults.database, s);
    else add(s.database_name ?? defaults.database, s.schema_name);
  }
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** `['connections', 'kafka', 'brokers', 0]` → the object it belongs to. */
function ownerOf(path: DocPath): [Kind, string] | undefined {
  const [section, key] = path;
  const kind = (Object.keys(SECTION) as Kind[]).find((k) => SECTION[k] === section);
  return kind && typeof key === 'string' && path.length >= 2 ? [kind, key] : undefined;
}

function labelOf([kind, key]: [Kind, string]): string {
  return objectLabel(kind, key);
}

function entriesOf(section: unknown): [string, Record<string, unknown> & { database_name?: unknown; schema_name?: unknown; type?: unknown; comment?: unknown; owner?: unknown; renamed_from?: unknown }][] {
  if (!plainObject(section)) return [];
  return Object.entries(section).filter(([key, entry]) => key !== '' && plainObject(entry)) as never;
}

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function findNulCharacters(value: unknown, path: (string | number)[], found: (path: DocPath) => void): void {
  if (typeof value === 'string') {
    if (value.includes('\0')) found(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNulCharacters(v, [...path, i], found));
  } else if (plainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\0')) found([...path, k]);
      findNulCharacters(v, [...path, k], found);
    }
  }
}
