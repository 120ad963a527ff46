import type { Change } from '../diff/index.js';
import { InputError } from '../errors.js';
import { type ActualState, type DesiredState, type MzObject, displayName, nameKey } from '../model/index.js';

/** A cluster or role that the plan's statements name and the catalog does not have. */
export interface MissingContainer {
  readonly kind: 'cluster' | 'role';
  readonly name: string;
  /** `source materialize.public.orders`, sorted. */
  readonly neededBy: readonly string[];
}

/**
 * mzform creates neither clusters nor roles, so a plan whose CREATE SOURCE
 * names a cluster that does not exist, or whose CREATE / ALTER ... OWNER TO
 * names a role that does not exist, would fail in the middle of apply. Refuse
 * it before anything runs, naming every such cluster and role and each object
 * that needs it. Skipped when the catalog's clusters or roles were not read.
 */
export class MissingContainersError extends InputError {
  readonly missing: readonly MissingContainer[];
  constructor(message: string, missing: readonly MissingContainer[]) {
    super('plan.missing-cluster-or-role', message, {
      hint: 'Create them first (CREATE CLUSTER / CREATE ROLE), or correct the names in the manifest. Nothing was changed.',
    });
    this.missing = missing;
  }

  jsonDetails(): Record<string, unknown> {
    return { missing: this.missing.map((m) => ({ kind: m.kind, name: m.name, needed_by: m.neededBy })) };
  }
}

const ADVICE: Record<MissingContainer['kind'], (name: string) => string> = {
  cluster: (name) => `mzform does not create clusters: CREATE CLUSTER ${quoted(name)} (SIZE = '...') first`,
  role: (name) => `mzform does not create roles: CREATE ROLE ${quoted(name)} first`,
};

/** Throws `MissingContainersError` when a change to run needs a cluster or role the catalog lacks. Pure. */
export function checkClustersAndRoles(changes: readonly Change[], desired: DesiredState, actual: ActualState): void {
  const known = { cluster: actual.clusters ? new Set(actual.clusters) : undefined, role: actual.roles ? new Set(actual.roles) : undefined };
  const problems: { object: MzObject; kind: MissingContainer['kind']; name: string }[] = [];
  for (const change of changes) {
    if (change.action !== 'create' && change.action !== 'alter' && change.action !== 'replace') continue;
    const object = change.object;
    // A create names the cluster and owner; an alter only the owner it sets (the cluster cannot change in place).
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
  // In manifest order, as `validate` lists problems; then by object, then cluster before role.
  const position = (o: MzObject) => [at(o)?.line ?? Number.MAX_SAFE_INTEGER, at(o)?.column ?? 0] as const;
  problems.sort(
    (a, b) =>
      position(a.object)[0] - position(b.object)[0] ||
      position(a.object)[1] - position(b.object)[1] ||
      byCodeUnit(label(a.object), label(b.object)) ||
      byCodeUnit(a.kind, b.kind),
  );
  const lines = problems.map(
    (p) => `${where(p.object)}${label(p.object)}: ${p.kind === 'cluster' ? 'cluster' : 'owner role'} ${quoted(p.name)} does not exist (${ADVICE[p.kind](p.name)})`,
  );
  const missing = new Map<string, { kind: MissingContainer['kind']; name: string; neededBy: Set<string> }>();
  for (const p of problems) {
    const key = `${p.kind}\u0000${p.name}`;
    const entry = missing.get(key) ?? { kind: p.kind, name: p.name, neededBy: new Set<string>() };
    entry.neededBy.add(label(p.object));
    missing.set(key, entry);
  }
  const list = [...missing.values()]
    .map((m) => ({ kind: m.kind, name: m.name, neededBy: [...m.neededBy].sort(byCodeUnit) }))
    .sort((a, b) => byCodeUnit(a.kind, b.kind) || byCodeUnit(a.name, b.name));
  throw new MissingContainersError(lines.join('\n'), list);
}

/** For the message only (never sent): the name as the user would type it in the suggested CREATE. */
function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
