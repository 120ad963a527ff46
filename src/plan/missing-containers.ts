import type { Change } from '../diff/index.js';
import { InputError } from '../errors.js';
import { type ActualState, type DesiredState, type MzObject, displayName, nameKey } from '../model/index.js';

/** A database, schema, cluster or role that the plan's statements name and the catalog does not have. */
export interface MissingContainer {
  readonly kind: 'database' | 'schema' | 'cluster' | 'role';
  /** For a schema, its own name; `database` holds the rest. */
  readonly name: string;
  /** Schemas only: the database the schema was looked for in. */
  readonly database?: string;
  /** `source materialize.public.orders`, sorted. */
  readonly neededBy: readonly string[];
}

/**
 * mzform creates no databases, schemas, clusters or roles, so a plan whose
 * CREATE puts an object in a database or schema that does not exist, whose
 * CREATE SOURCE names a cluster that does not exist, or whose CREATE / ALTER
 * ... OWNER TO names a role that does not exist, would fail in the middle of
 * apply. Refuse it before anything runs, naming every such container and each
 * object that needs it. Each kind is skipped when the catalog's list of it was
 * not read (a catalog dump from an older mzform).
 */
export class MissingContainersError extends InputError {
  readonly missing: readonly MissingContainer[];
  constructor(message: string, missing: readonly MissingContainer[]) {
    super('plan.missing-cluster-or-role', message, { hint: hintFor(missing) });
    this.missing = missing;
  }

  jsonDetails(): Record<string, unknown> {
    return {
      missing: this.missing.map((m) => ({ kind: m.kind, ...(m.database !== undefined ? { database: m.database } : {}), name: m.name, needed_by: m.neededBy })),
    };
  }
}

/** Per object, the order its problems are listed in: where it lives, then what it runs on and who owns it. */
const KIND_ORDER: readonly MissingContainer['kind'][] = ['database', 'schema', 'cluster', 'role'];

const STATEMENT: Record<MissingContainer['kind'], string> = {
  database: 'CREATE DATABASE',
  schema: 'CREATE SCHEMA',
  cluster: 'CREATE CLUSTER',
  role: 'CREATE ROLE',
};

const ADVICE: Record<MissingContainer['kind'], (written: string) => string> = {
  database: (written) => `declare it under databases:, or CREATE DATABASE ${written} first`,
  schema: (written) => `declare it under schemas:, or CREATE SCHEMA ${written} first`,
  cluster: (written) => `declare it under clusters: with its size, or CREATE CLUSTER ${written} (SIZE = '...') first`,
  role: (written) => `mzform does not create roles: CREATE ROLE ${written} first`,
};

const LABEL: Record<MissingContainer['kind'], string> = { database: 'database', schema: 'schema', cluster: 'cluster', role: 'owner role' };

function hintFor(missing: readonly MissingContainer[]): string {
  const statements = KIND_ORDER.filter((k) => missing.some((m) => m.kind === k)).map((k) => STATEMENT[k]);
  return `Create them first (${statements.join(' / ')}), or correct the names in the manifest. Nothing was changed.`;
}

interface Problem {
  readonly object: MzObject;
  readonly kind: MissingContainer['kind'];
  readonly name: string;
  readonly database?: string;
}

/**
 * Throws `MissingContainersError` when a change to run needs a database,
 * schema, cluster or role the catalog lacks. Pure.
 */
export function checkClustersAndRoles(changes: readonly Change[], desired: DesiredState, actual: ActualState): void {
  // What the manifest declares is created first (plan/containers.ts); a new database comes with its `public` schema.
  const declared = desired.containers ?? { clusters: [], databases: [], schemas: [] };
  const known = {
    database: actual.databases ? new Set([...actual.databases, ...declared.databases]) : undefined,
    schema: actual.schemas
      ? new Set([
          ...actual.schemas.map((s) => schemaKey(s.database, s.schema)),
          ...declared.schemas.map((s) => schemaKey(s.database, s.schema)),
          ...declared.databases.map((d) => schemaKey(d, 'public')),
        ])
      : undefined,
    cluster: actual.clusters ? new Set([...actual.clusters, ...declared.clusters.map((c) => c.name)]) : undefined,
    role: actual.roles ? new Set(actual.roles) : undefined,
  };
  const problems: Problem[] = [];
  for (const change of changes) {
    if (change.action !== 'create' && change.action !== 'alter' && change.action !== 'replace') continue;
    const object = change.object;
    // A create needs its database and schema (an object in place already has them), and names the cluster and
    // owner; an alter only the owner it sets (the cluster cannot change in place).
    if (change.action !== 'alter') {
      const { database, schema } = object.name;
      if (known.database && !known.database.has(database)) problems.push({ object, kind: 'database', name: database });
      else if (known.schema && !known.schema.has(schemaKey(database, schema))) problems.push({ object, kind: 'schema', database, name: schema });
    }
    const cluster = object.kind === 'source' && change.action !== 'alter' ? object.cluster : undefined;
    const owner =
      change.action === 'alter' ? change.alterations.flatMap((a) => (a.kind === 'owner' ? [a.role] : []))[0] : object.owner;
    if (cluster !== undefined && known.cluster && !known.cluster.has(cluster)) problems.push({ object, kind: 'cluster', name: cluster });
    if (owner !== undefined && known.role && !known.role.has(owner)) problems.push({ object, kind: 'role', name: owner });
  }
  if (problems.length === 0) return;

  const label = (o: MzObject) => `${o.kind} ${displayName(o.name)}`;
  const at = (o: MzObject) => desired.locations.get(nameKey(o.name));
  const where = (o: MzObject) => {
    const l = at(o);
    return l ? `${l.file}:${l.line}:${l.column}: ` : '';
  };
  // In manifest order, as `validate` lists problems; then by object, then database, schema, cluster, role.
  const position = (o: MzObject) => [at(o)?.line ?? Number.MAX_SAFE_INTEGER, at(o)?.column ?? 0] as const;
  problems.sort(
    (a, b) =>
      position(a.object)[0] - position(b.object)[0] ||
      position(a.object)[1] - position(b.object)[1] ||
      byCodeUnit(label(a.object), label(b.object)) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const lines = problems.map((p) => {
    const written = writtenName(p);
    return `${where(p.object)}${label(p.object)}: ${LABEL[p.kind]} ${written} does not exist (${ADVICE[p.kind](written)})`;
  });
  const missing = new Map<string, { kind: MissingContainer['kind']; name: string; database?: string; neededBy: Set<string> }>();
  for (const p of problems) {
    const key = JSON.stringify([p.kind, p.database ?? null, p.name]);
    const entry = missing.get(key) ?? { kind: p.kind, name: p.name, ...(p.database !== undefined ? { database: p.database } : {}), neededBy: new Set<string>() };
    entry.neededBy.add(label(p.object));
    missing.set(key, entry);
  }
  const list = [...missing.values()]
    .map(({ neededBy, ...m }) => ({ ...m, neededBy: [...neededBy].sort(byCodeUnit) }))
    .sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byCodeUnit(a.database ?? '', b.database ?? '') || byCodeUnit(a.name, b.name),
    );
  throw new MissingContainersError(lines.join('\n'), list);
}

function schemaKey(database: string, schema: string): string {
  return JSON.stringify([database, schema]);
}

/** A schema is written with its database, as CREATE SCHEMA needs it. */
function writtenName(p: Problem): string {
  return p.database !== undefined ? `${quoted(p.database)}.${quoted(p.name)}` : quoted(p.name);
}

/** For the message only (never sent): the name as the user would type it in the suggested CREATE. */
function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
