import { CHILD_TYPES, type Change, type ReplaceChange, type SecretValueReason } from '../diff/index.js';
import {
  type ActualObject,
  type ActualState,
  type DesiredState,
  type MzObject,
  OBJECT_KINDS,
  type DependentsIndex,
  compareNames,
  displayName,
  indexDependents,
  nameKey,
  referencesOf,
} from '../model/index.js';
import { type ContainerStep, containerSteps } from './containers.js';
import { toposort } from './graph.js';
import { type Hazard, dropHazards, replaceHazards, secretRotationHazards, subsourceHazards } from './hazards.js';
import { PLAN_FORMAT_VERSION, type Plan, type PlanSummary, type Step } from './plan.js';
import { alterStatements, createStatements, dropStatements } from './statements.js';
import { unreadableWarnings } from './unreadable.js';
import { featureFlagNotes } from './feature-flag-notes.js';

export interface BuildPlanOptions {
  readonly warnings?: readonly string[];
}

/**
 * A vertex of the ordering graph. Each object gets at most two: `down` (it is
 * dropped, for good or to be re-created) and `up` (it is created or altered).
 */
interface Node {
  readonly key: string;
  readonly direction: 'down' | 'up';
  readonly object: MzObject;
  readonly change: Change;
}

const nodeKey = (direction: 'down' | 'up', object: MzObject) => `${direction}:${object.kind}:${nameKey(object.name)}`;

/**
 * Turns changes into ordered steps with their statements and hazards. Pure.
 *
 * Creates and alters come after the objects they reference are created or
 * altered; drops come after everything that depends on the dropped object is
 * dropped (or altered to stop using it); a replace's create comes after its
 * drop. Among steps free to go, the order is by name, kind, then drop before
 * create.
 */
export function buildPlan(changes: readonly Change[], desired: DesiredState, actual: ActualState, options: BuildPlanOptions = {}): Plan {
  const nodes: Node[] = [];
  for (const change of changes) {
    switch (change.action) {
      case 'create':
      case 'alter':
        nodes.push({ key: nodeKey('up', change.object), direction: 'up', object: change.object, change });
        break;
      case 'replace':
        nodes.push({ key: nodeKey('down', change.actual.object), direction: 'down', object: change.actual.object, change });
        nodes.push({ key: nodeKey('up', change.object), direction: 'up', object: change.object, change });
        break;
      case 'drop':
        nodes.push({ key: nodeKey('down', change.actual.object), direction: 'down', object: change.actual.object, change });
        break;
      case 'no-op':
      case 'unmanaged':
        break;
    }
  }

  const ordered = toposort(nodes, (n) => n.key, orderingEdges(nodes, actual), compareNodes, (n) => `${n.object.kind} ${displayName(n.object.name)}`);
  // Clusters, databases and schemas first: everything else lives in or runs on them.
  const containers = containerSteps(desired, actual);
  // Only steps that drop, replace or set a secret ask what depends on an object.
  let index: DependentsIndex | undefined;
  const dependents = () => (index ??= indexDependents(actual));
  const steps = [
    ...containers.steps.map((step, index) => ({ ...step, id: String(index + 1) })),
    ...ordered.map((node, index) => toStep(node, String(containers.steps.length + index + 1), dependents)),
  ];
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    steps,
    unmanaged: changes.flatMap((c) =>
      c.action === 'unmanaged' ? [{ id: c.actual.id, objectKind: c.actual.object.kind, name: c.actual.object.name }] : [],
    ),
    summary: summarize(changes, containers.steps),
    catalogFingerprints: Object.fromEntries(
      [...actual.objects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((o) => [o.id, o.fingerprint]),
    ),
    warnings: [...(options.warnings ?? []), ...containers.warnings, ...unreadableWarnings(desired, actual), ...featureFlagNotes(changes)],
  };
}

function compareNodes(a: Node, b: Node): number {
  return (
    compareNames(a.object.name, b.object.name) ||
    OBJECT_KINDS.indexOf(a.object.kind) - OBJECT_KINDS.indexOf(b.object.kind) ||
    (a.direction === b.direction ? 0 : a.direction === 'down' ? -1 : 1)
  );
}

function orderingEdges(nodes: readonly Node[], actual: ActualState): [string, string][] {
  const edges: [string, string][] = [];
  const upByName = new Map<string, Node>();
  const downById = new Map<string, Node>();
  const alterById = new Map<string, Node>();
  for (const n of nodes) {
    if (n.direction === 'up') upByName.set(nameKey(n.object.name), n);
    if (n.direction === 'down' && 'actual' in n.change) downById.set(n.change.actual.id, n);
    if (n.change.action === 'alter') alterById.set(n.change.actual.id, n);
  }
  // Creates and alters after what they reference (the manifest's references); an up node's object is the manifest's.
  for (const up of upByName.values()) {
    for (const ref of referencesOf(up.object)) {
      const target = upByName.get(nameKey(ref.target));
      if (target) edges.push([target.key, up.key]);
    }
  }
  // Drops after whatever currently depends on the object is dropped or altered away from it (the catalog's dependencies).
  for (const o of actual.objects) {
    for (const dep of o.dependsOn) {
      const down = downById.get(dep);
      if (!down) continue;
      const first = downById.get(o.id) ?? alterById.get(o.id);
      if (first) edges.push([first.key, down.key]);
    }
  }
  // A name is free again only once its old object is dropped (a replace, or another kind under the same name)...
  for (const down of downById.values()) {
    const up = upByName.get(nameKey(down.object.name));
    if (up) edges.push([down.key, up.key]);
  }
  // ...or renamed away.
  for (const n of nodes) {
    if (n.change.action !== 'alter') continue;
    for (const a of n.change.alterations) {
      const up = a.kind === 'rename' ? upByName.get(nameKey(a.from)) : undefined;
      if (up && up !== n) edges.push([n.key, up.key]);
    }
  }
  return edges;
}

/** Subsources that a DROP SOURCE would have to take along (they block a plain DROP). */
function subsourcesOf(current: ActualObject, dependents: DependentsIndex): string[] {
  return (dependents.foreign.get(current.id) ?? [])
    .filter((f) => f.type === 'subsource' && CHILD_TYPES.has(f.type))
    .map((f) => (f.name ? displayName(f.name) : f.id))
    .sort();
}

function toStep(node: Node, id: string, dependents: () => DependentsIndex): Step {
  const change = node.change;
  const base = { id, objectKind: node.object.kind, name: node.object.name, change };
  switch (change.action) {
    case 'create':
      return {
        ...base,
        action: 'create',
        statements: createStatements(change.object, change.storedComment),
        hazards: [],
        fields: [],
        // The statement shows the value as '********': say where it comes from, as an alter's field line does.
        ...(change.object.kind === 'secret' && change.object.value ? { reason: `the value comes from ${change.object.value.toJSON().source}` } : {}),
      };
    case 'alter': {
      const secretValue = change.alterations.find((a) => a.kind === 'secret-value');
      const hazards: Hazard[] = [...(secretValue ? secretRotationHazards(change.actual, dependents()) : []), ...subsourceHazards(change.object, change.alterations)];
      return {
        ...base,
        action: 'alter',
        statements: alterStatements(change.object, change.alterations),
        hazards,
        fields: change.fields,
        ...(secretValue ? { reason: SECRET_REASONS[secretValue.reason] } : {}),
      };
    }
    case 'replace': {
      const reason = replaceReason(change);
      if (node.direction === 'down') {
        const cascade = subsourcesOf(change.actual, dependents());
        return {
          ...base,
          action: 'replace',
          phase: 'drop',
          statements: dropStatements(change.actual.object, cascade.length > 0),
          hazards: replaceHazards(change.actual, change.object, dependents(), cascade),
          reason,
          fields: [],
        };
      }
      return {
        ...base,
        action: 'replace',
        phase: 'create',
        statements: createStatements(change.object, change.storedComment),
        hazards: [],
        reason,
        fields: change.fields,
      };
    }
    case 'drop': {
      const cascade = subsourcesOf(change.actual, dependents());
      return {
        ...base,
        action: 'drop',
        statements: dropStatements(change.actual.object, cascade.length > 0),
        hazards: dropHazards(change.actual, cascade),
        reason: 'not in the manifest, and pruning is on',
        fields: [],
      };
    }
    case 'no-op':
    case 'unmanaged':
      throw new Error(`no step for a ${change.action} change`);
  }
}

const SECRET_REASONS: Record<SecretValueReason, string> = {
  changed: "the value's fingerprint differs from the one stored",
  'no-fingerprint': 'no fingerprint is stored, so the current value is unknown',
  forced: 'rotation requested',
};

function replaceReason(change: ReplaceChange): string {
  if (change.cascadeFrom) return `it depends on ${change.cascadeFrom.kind} ${displayName(change.cascadeFrom.name)}, which is replaced`;
  if (change.forcing.includes('kind')) return `the name now holds a ${change.object.kind}, not a ${change.actual.object.kind}`;
  const why = change.forcing.flatMap((field) => (FORCING_NOTES[field] ? [FORCING_NOTES[field]] : []));
  return `${change.forcing.join(', ')} cannot be changed in place${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
}

/** Why a field forces a replace, where the field's name alone does not say. */
const FORCING_NOTES: Readonly<Record<string, string>> = {
  tables:
    'tables are added and dropped one by one only when the manifest lists them; Materialize cannot switch a source between all tables, schemas and a list',
};

function summarize(changes: readonly Change[], containers: readonly ContainerStep[]): PlanSummary {
  const count = (action: Change['action']) => changes.filter((c) => c.action === action).length + containers.filter((s) => s.action === action).length;
  return { create: count('create'), alter: count('alter'), replace: count('replace'), drop: count('drop') };
}
