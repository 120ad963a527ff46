import { dirname, resolve } from 'node:path';
import {
  compareNames,
  nameKey,
  CONNECTION_TYPES,
  OBJECT_KINDS,
  SOURCE_TYPES,
  type Connection,
  type ConnectionType,
  type DesiredContainers,
  type DesiredState,
  type ExternalObject,
  type MzObject,
  type ObjectName,
  type Rename,
  type Secret,
  type ObjectKind,
  type Source,
  type SourceLocation,
  type SourceType,
  type Table,
} from '../model/index.js';
import { convertConnection } from './connection-converter.js';
import { containersOf, mergeContainers } from './containers.js';
import { checkReferences, type CheckedObject, type Declared } from './cross-checks.js';
import { checkMaterializeRules } from './materialize-rules.js';
import { checkNamesAndComment } from './name-checks.js';
import { ManifestError, objectLabel, type Diagnostic } from './diagnostics.js';
import type { ConnectionDoc, ManifestDoc, SecretDoc, SourceDoc, TableDoc } from './manifest-document.js';
import { convertTable, type TableSourceInfo } from './table-converter.js';
import { ObjectContext, type NameDefaults } from './object-context.js';
import { validateAgainstSchema } from './schema-validation.js';
import { resolveSecretValue, secretSourceOf, UnreadSecretValue, type ReadSecretFile } from './secret-values.js';
import { convertSource, progressSubsourceName, subsourceNames } from './source-converter.js';
import { expandSecretReference, substituteDocument, type SecretReads, type SubstitutionProblem } from './substitute.js';
import { createValueResolver, type ValueResolver } from './value-resolver.js';
import { collectVariables, type Variables } from './variables.js';
import { YamlDocument, type DocPath } from './yaml-document.js';

/** Where objects go when neither the object nor `defaults` says: Materialize's own defaults. */
const BUILTIN_DEFAULTS: NameDefaults = { database: 'materialize', schema: 'public' };

/** Materialize refuses longer comments ("max size is 1024 bytes"). */

type Kind = ObjectKind;
const SECTION: Record<Kind, 'secrets' | 'connections' | 'sources' | 'tables'> = { secret: 'secrets', connection: 'connections', source: 'sources', table: 'tables' };
const EXTERNAL_KINDS = ['secret', 'connection'] as const;

type Env = Readonly<Record<string, string | undefined>>;

/** One file of a manifest: its name as the user wrote it, and its text. */
export interface ManifestSource {
  readonly file: string;
  readonly text: string;
  /** The text already parsed (by a caller that does other work in between); parsed here when absent. */
  readonly yaml?: YamlDocument;
}

export interface ParseOptions {
  /** Where `${env:NAME}` values come from. */
  readonly env: Env;
  /** The resolver of each file's `${file:...}` (relative to that file); default: the file's directory, from the working directory. */
  readonly resolverFor?: (file: string) => ValueResolver;
  /** `--environment`: which `environments:` entry supplies `${var:...}`. */
  readonly environment?: string;
  /**
   * `read` (default): every secret value must be readable. `if-available`: a
   * value that cannot be read is left unread and listed in `valuesNotRead`,
   * for read-only commands that neither set nor compare values.
   */
  readonly secretValues?: 'read' | 'if-available';
  /** The manifest's name in messages when it has several files (a directory); default: the files, comma-separated. */
  readonly name?: string;
}

/** A path into one file of the manifest: the file's index, then the document path. */
type UnitPath = readonly [number, ...(string | number)[]];

interface Unit {
  readonly file: string;
  readonly yaml: YamlDocument;
  readonly resolver: ValueResolver;
  /** The document after substitution. */
  value: unknown;
}

/**
 * Manifest text → desired state, or a ManifestError listing every problem.
 * Pure apart from `readFile` (for `${file:...}`): the environment is a
 * parameter and nothing touches a database.
 */
export function parseManifest(text: string, file: string, env: Env, readFile?: ReadSecretFile): DesiredState {
  const resolver = readFile ? resolverFromFunction(env, readFile) : createValueResolver({ env, baseDir: dirname(resolve(file)) });
  return parseManifestSources([{ file, text }], { env, resolverFor: () => resolver });
}

/**
 * Several files → one desired state. Each file is a manifest of its own
 * (`version`, `defaults` for its objects), and together they declare one set
 * of objects: references work across files, a name declared in two files is
 * an error naming both, and every problem names its own file and position.
 */
export function parseManifestSources(sources: readonly ManifestSource[], options: ParseOptions): DesiredState {
  const name = options.name ?? sources.map((s) => s.file).join(', ');
  const resolverFor = options.resolverFor ?? ((file: string) => createValueResolver({ env: options.env, baseDir: dirname(resolve(file)) }));
  const units: Unit[] = sources.map((s) => ({ file: s.file, yaml: s.yaml ?? new YamlDocument(s.text), resolver: resolverFor(s.file), value: undefined }));
  const diagnostics: Diagnostic[] = [];
  const at = (path: UnitPath, target: 'key' | 'value') => {
    const unit = units[path[0]]!;
    return { file: unit.file, ...unit.yaml.positionOf(path.slice(1), target) };
  };
  // Where problems were reported, so that the references of a broken object are checked without repeating them.
  const reportedAt: UnitPath[] = [];
  const report = (path: UnitPath, target: 'key' | 'value', message: string, object?: string) => {
    reportedAt.push(path);
    diagnostics.push({ ...at(path, target), ...(object ? { object } : {}), message });
  };
  const fail = () => new ManifestError(name, diagnostics);
  const where = (path: UnitPath, from: number) => {
    const p = at(path, 'key');
    return path[0] === from ? `line ${p.line}` : `${p.file}:${p.line}`;
  };

  units.forEach((unit) => {
    for (const e of unit.yaml.syntaxErrors) diagnostics.push({ file: unit.file, ...e.position, message: e.message });
  });
  if (diagnostics.length > 0) throw fail();

  const raw = units.map((unit) => unit.yaml.toJS());
  raw.forEach((value, u) => {
    if (value === null || value === undefined) report([u], 'value', 'the manifest is empty; it needs at least `version: 1`');
    findNulCharacters(value, [], (path) => report([u, ...path], 'value', 'contains a NUL character, which Materialize cannot store'));
  });
  if (diagnostics.length > 0) throw fail();

  // Variables first: they may come from any file, and every file's values use them.
  const { variables, problems: variableProblems } = collectVariables(
    units.map((unit, u) => ({ file: unit.file, value: raw[u] })),
    options.environment,
    (u, path) => at([u, ...path], 'key').line,
  );
  for (const p of variableProblems) report([p.unit, ...p.path], p.target, p.message);
  // Without a valid choice of environment every ${var:...} would be reported again.
  if (diagnostics.length > 0) throw fail();

  // Objects with problems are not converted, but their names still count as declared.
  const invalid = new Set<string>();
  const secretReads = collectSecretReads(raw, variables, units);
  units.forEach((unit, u) => {
    const problems: SubstitutionProblem[] = [];
    unit.value = substituteDocument(
      raw[u],
      {
        resolver: unit.resolver,
        resolverOf: (v) => units[v]!.resolver,
        variables,
        secretReads,
        describe: (d) => {
          const p = at([d.unit, ...d.path], 'key');
          return `${p.file}:${p.line}`;
        },
      },
      problems,
    );
    for (const p of problems) {
      report([u, ...p.path], 'value', p.message, ownerLabel(p.path));
      // Its object is not converted either: its checks would only repeat the problem.
      if (ownerOf(p.path)) invalid.add(JSON.stringify([u, ...p.path.slice(0, 2)]));
    }
  });

  units.forEach((unit, u) => {
    for (const problem of validateAgainstSchema(unit.value)) {
      const owner = ownerOf(problem.path);
      if (owner) invalid.add(JSON.stringify([u, ...problem.path.slice(0, 2)]));
      if (problem.path[0] === 'external' && problem.path.length >= 3) invalid.add(JSON.stringify([u, ...problem.path.slice(0, 3)]));
      report([u, ...problem.path], problem.target, problem.message, owner ? labelOf(owner) : undefined);
    }
  });
  if (units.some((unit) => typeof unit.value !== 'object' || unit.value === null || Array.isArray(unit.value))) throw fail();

  const docs = units.map((unit) => unit.value as Partial<ManifestDoc>);
  const defaultsOf = docs.map((doc) => (plainObject(doc.defaults) ? doc.defaults : {}));
  const nameDefaultsOf = defaultsOf.map(
    (defaults): NameDefaults => ({ database: stringOr(defaults.database, BUILTIN_DEFAULTS.database), schema: stringOr(defaults.schema, BUILTIN_DEFAULTS.schema) }),
  );

  // Every declared name, valid or not, so that references to a broken object are not also "unknown".
  const declared = new Map<string, Declared>();
  const placements = new Map<string, ObjectName>();
  const declareIn = (entry: Declared) => declare(declared, entry, report, where);
  // What tables need of their sources, wherever in the manifest those are declared.
  const sourceInfo = new Map<string, TableSourceInfo>();
  const external: ExternalObject[] = [];
  docs.forEach((doc, u) => {
    for (const kind of OBJECT_KINDS) {
      for (const [key, entry] of entriesOf(doc[SECTION[kind]])) {
        const path: UnitPath = [u, SECTION[kind], key];
        const objectName = placed(entry, key, nameDefaultsOf[u]!);
        placements.set(JSON.stringify(path), objectName);
        // Only a known type: an unknown one is the schema's to report, and its text (maybe from ${env:...}) must not reach other messages.
        const type = knownType(kind, entry?.type);
        declareIn({ name: objectName, kind, ...(type ? { type } : {}), label: objectLabel(kind, key), path });
        if (kind === 'source' && type !== undefined) sourceInfo.set(nameKey(objectName), sourceInfoOf(type as SourceType, entry));
      }
    }
    const externals = plainObject(doc.external) ? doc.external : {};
    for (const kind of EXTERNAL_KINDS) {
      for (const [key, entry] of entriesOf(externals[SECTION[kind] as 'secrets' | 'connections'])) {
        const path: UnitPath = [u, 'external', SECTION[kind], key];
        const objectName = placed(entry, key, nameDefaultsOf[u]!);
        const type = kind === 'connection' && typeof entry.type === 'string' ? (entry.type as ConnectionType) : undefined;
        declareIn({ name: objectName, kind, ...(type ? { type } : {}), label: `external ${objectLabel(kind, key)}`, path });
        if (!invalid.has(JSON.stringify(path))) external.push({ kind, name: objectName, ...(type ? { type } : {}), location: at(path, 'key') });
      }
    }
  });

  const checked: CheckedObject[] = [];
  const partial: CheckedObject[] = [];
  const locations = new Map<string, SourceLocation>();
  const valuesNotRead: string[] = [];
  const renames: Rename[] = [];
  const renamedBy = new Map<string, string>();
  docs.forEach((doc, u) => {
    for (const kind of OBJECT_KINDS) {
      for (const [key, entry] of entriesOf(doc[SECTION[kind]])) {
        const path: UnitPath = [u, SECTION[kind], key];
        const objectName = placements.get(JSON.stringify(path))!;
        const label = objectLabel(kind, key);
        if (invalid.has(JSON.stringify(path))) {
          const object = readAsFarAsPossible(kind, entry, objectName, new ObjectContext(path, nameDefaultsOf[u]!), units[u]!.resolver, defaultsOf[u]!.cluster, (n) => sourceInfo.get(nameKey(n)));
          if (object) partial.push({ object: object.object, label, path, referenceSites: object.referenceSites });
          continue;
        }
        const ctx = new ObjectContext(path, nameDefaultsOf[u]!);
        const object = convertObject(kind, entry, objectName, ctx, {
          resolver: units[u]!.resolver,
          secretValues: options.secretValues ?? 'read',
          notRead: (why) => valuesNotRead.push(`${label} (${why})`),
          defaultCluster: defaultsOf[u]!.cluster,
          sourceInfo: (n) => sourceInfo.get(nameKey(n)),
        });
        for (const p of ctx.problems) report(p.path as UnitPath, p.target, p.message, label);
        for (const p of checkNamesAndComment(kind, key, path, entry)) report(p.path as UnitPath, p.target, p.message, label);
        if (!object) continue;
        if (object.kind === 'source') {
          for (const sub of subsourceNames(object.spec)) {
            declareIn({ name: sub.name, kind: 'subsource', label, path: [...path, 'tables', sub.index, 'name'] });
          }
          const progress = progressSubsourceName(object.spec);
          if (progress) declareIn({ name: progress, kind: 'subsource', label, path: [...path, 'expose_progress'] });
        }
        if (typeof entry.renamed_from === 'string') {
          const from: ObjectName = { ...objectName, name: entry.renamed_from };
          const site: UnitPath = [...path, 'renamed_from'];
          const claimed = renamedBy.get(nameKey(from));
          if (entry.renamed_from === objectName.name) report(site, 'value', 'renamed_from names the object itself', label);
          else if (declared.has(nameKey(from))) report(site, 'value', `${displayQualified(from)} is declared in the manifest too; an object cannot be both kept and renamed`, label);
          else if (claimed !== undefined) report(site, 'value', `${claimed} is already renamed from ${displayQualified(from)}`, label);
          else {
            renamedBy.set(nameKey(from), label);
            renames.push({ kind, from, to: objectName });
          }
        }
        checked.push({ object, label, path, referenceSites: ctx.referenceSites });
        locations.set(nameKey(objectName), at(path, 'key'));
      }
    }
  });

  const earlier = [...reportedAt];
  const alreadyReported = (path: UnitPath) => earlier.some((r) => r.length > 3 && r[0] === path[0] && overlaps(r.slice(1), path.slice(1)));
  for (const p of checkReferences(checked, declared, partial)) {
    if (!alreadyReported(p.path as UnitPath)) report(p.path as UnitPath, p.target, p.message, p.object);
  }
  for (const p of checkMaterializeRules(checked)) report(p.path as UnitPath, p.target, p.message, p.object);
  const prune = settingOf(docs, 'prune', report, where);
  if (diagnostics.length > 0) throw fail();

  const objects = checked.map((c) => c.object).sort(compareObjects);
  return {
    file: name,
    objects,
    scope: scopeOf(
      objects,
      docs.flatMap((doc, u) => (doc.scope ?? []).map((s) => ({ entry: s, defaults: nameDefaultsOf[u]! }))),
    ),
    prune: prune ?? false,
    locations,
    ...(external.length > 0 ? { external: external.sort((a, b) => compareNames(a.name, b.name)) } : {}),
    ...(variables.selected !== undefined ? { environment: variables.selected } : {}),
    ...(valuesNotRead.length > 0 ? { valuesNotRead } : {}),
    ...withContainers(mergeContainers(docs.map((doc, u) => containersOf(doc, nameDefaultsOf[u]!.database)))),
    ...(renames.length > 0 ? { renames: renames.sort((a, b) => compareNames(a.to, b.to)) } : {}),
  };
}

function withContainers(containers: DesiredContainers | undefined): { containers?: DesiredContainers } {
  return containers ? { containers } : {};
}

/** Which env variables and files secrets read, after `${var:...}` selected them: clear fields must not read the same. */
function collectSecretReads(raw: readonly unknown[], variables: Variables, units: readonly Unit[]): SecretReads {
  const env = new Map<string, string>();
  const files = new Map<string, string>();
  raw.forEach((value, u) => {
    if (!plainObject(value) || !plainObject(value.secrets)) return;
    for (const [key, secret] of Object.entries(value.secrets)) {
      if (!plainObject(secret)) continue;
      const expanded = expandSecretReference(secret.value, variables);
      const source = 'value' in expanded && typeof expanded.value === 'string' ? secretSourceOf(expanded.value) : undefined;
      if (source?.kind === 'env') env.set(source.variable, objectLabel('secret', key));
      if (source?.kind === 'file') files.set(units[u]!.resolver.filePath(source.path), objectLabel('secret', key));
    }
  });
  return { env, files };
}

/** A manifest-wide setting written in several files must say the same everywhere. */
function settingOf(
  docs: readonly Partial<ManifestDoc>[],
  key: 'prune',
  report: (path: UnitPath, target: 'key' | 'value', message: string) => void,
  where: (path: UnitPath, from: number) => string,
): boolean | undefined {
  let first: { value: boolean; unit: number } | undefined;
  docs.forEach((doc, u) => {
    const value = doc[key];
    if (typeof value !== 'boolean') return;
    if (!first) first = { value, unit: u };
    else if (first.value !== value) report([u, key], 'value', `${key}: ${value} contradicts ${key}: ${first.value} (${where([first.unit, key], u)})`);
  });
  return (first as { value: boolean } | undefined)?.value;
}

function placed(entry: { database_name?: unknown; schema_name?: unknown } | undefined, key: string, defaults: NameDefaults): ObjectName {
  return { database: stringOr(entry?.database_name, defaults.database), schema: stringOr(entry?.schema_name, defaults.schema), name: key };
}

function resolverFromFunction(env: Env, readFile: ReadSecretFile): ValueResolver {
  const base = createValueResolver({ env, baseDir: process.cwd() });
  return {
    ...base,
    file: (path) => {
      try {
        const value = readFile(path);
        return value === '' ? { problem: `file ${path} is empty` } : { value };
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : 'unreadable');
        return { problem: `cannot read file ${path} (${reason})` };
      }
    },
    filePath: (path) => path,
  };
}

interface ConvertOptions {
  readonly resolver: ValueResolver;
  readonly secretValues: 'read' | 'if-available';
  /** Records a secret whose value was left unread. */
  readonly notRead: (why: string) => void;
  readonly defaultCluster: string | undefined;
  /** A table's source as declared in the manifest, if it is one. */
  readonly sourceInfo: (name: ObjectName) => TableSourceInfo | undefined;
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
      const resolved = resolveSecretValue(doc.value, options.resolver);
      if ('problem' in resolved) {
        const source = secretSourceOf(doc.value);
        if (options.secretValues === 'if-available' && source) {
          options.notRead(resolved.problem);
          return { kind: 'secret', ...meta, value: new UnreadSecretValue(source, resolved.problem) } satisfies Secret;
        }
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
    case 'table': {
      const doc = entry as unknown as TableDoc;
      const source = ctx.reference(doc.source, ['source'], 'source');
      return { kind: 'table', ...meta, source, spec: convertTable(doc, ctx, source, options.sourceInfo(source)) } satisfies Table;
    }
  }
}

function knownType(kind: Kind, type: unknown): string | undefined {
  if (typeof type !== 'string') return undefined;
  if (kind === 'connection') return (CONNECTION_TYPES as readonly string[]).includes(type) ? type : undefined;
  if (kind === 'source') return (SOURCE_TYPES as readonly string[]).includes(type) ? type : undefined;
  return undefined;
}

/** The fields of a source's entry that its tables depend on. */
function sourceInfoOf(type: SourceType, entry: Record<string, unknown>): TableSourceInfo {
  return {
    type,
    ...(typeof entry.topic === 'string' ? { topic: entry.topic } : {}),
    ...(typeof entry.generator === 'string' ? { generator: entry.generator } : {}),
  };
}

/**
 * An object with problems, converted as far as it goes, for checking its references only:
 * its own problems are already reported, and a conversion that fails gives nothing.
 */
function readAsFarAsPossible(
  kind: Kind,
  entry: Record<string, unknown>,
  name: ObjectName,
  ctx: ObjectContext,
  resolver: ValueResolver,
  defaultCluster: string | undefined,
  sourceInfo: ConvertOptions['sourceInfo'],
): { object: MzObject; referenceSites: ObjectContext['referenceSites'] } | undefined {
  if (kind === 'secret') return undefined;
  try {
    const object = convertObject(kind, entry, name, ctx, { resolver, secretValues: 'if-available', notRead: () => {}, defaultCluster, sourceInfo });
    return object ? { object, referenceSites: ctx.referenceSites } : undefined;
  } catch {
    return undefined;
  }
}

/** One path lies inside the other. */
function overlaps(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((part, i) => part === b[i]);
}

/** Items of one schema share a namespace: a secret and a connection cannot have the same qualified name, in one file or across files. */
function declare(
  declared: Map<string, Declared>,
  entry: Declared,
  report: (path: UnitPath, target: 'key' | 'value', message: string, object?: string) => void,
  where: (path: UnitPath, from: number) => string,
): void {
  const key = nameKey(entry.name);
  const first = declared.get(key);
  const path = entry.path as UnitPath;
  if (first) {
    const message = `the name ${displayQualified(entry.name)} is already taken by ${first.label} (${where(first.path as UnitPath, path[0])})`;
    report(path, entry.kind === 'subsource' ? 'value' : 'key', message, entry.label);
    return;
  }
  declared.set(key, entry);
}

function displayQualified(name: ObjectName): string {
  return [name.database, name.schema, name.name].map((p) => (/^[a-z_][a-z0-9_$]*$/.test(p) ? p : JSON.stringify(p))).join('.');
}

function compareObjects(a: MzObject, b: MzObject): number {
  return OBJECT_KINDS.indexOf(a.kind) - OBJECT_KINDS.indexOf(b.kind) || compareNames(a.name, b.name);
}

function scopeOf(
  objects: readonly MzObject[],
  extra: readonly { entry: NonNullable<ManifestDoc['scope']>[number]; defaults: NameDefaults }[],
): DesiredState['scope'] {
  const pairs = new Map<string, { database: string; schema: string }>();
  const add = (database: string, schema: string) => pairs.set(JSON.stringify([database, schema]), { database, schema });
  for (const o of objects) add(o.name.database, o.name.schema);
  for (const { entry: s, defaults } of extra) {
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

function ownerLabel(path: DocPath): string | undefined {
  const owner = ownerOf(path);
  return owner ? labelOf(owner) : undefined;
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
