import { displayName, nameKey, referencesOf, type Connection, type MzObject, type ObjectName, type Reference } from '../model/index.js';
import { closestMatch } from '../model/did-you-mean.js';
import type { ObjectProblem, ReferenceSite } from './object-context.js';
import type { DocPath } from './yaml-document.js';

/** What a name in the manifest stands for: enough to check references without the object being valid. */
export interface Declared {
  readonly name: ObjectName;
  readonly kind: 'secret' | 'connection' | 'source' | 'subsource' | 'table';
  /** The connection or source type, when the object declares a known one. */
  readonly type?: string;
  readonly label: string;
  readonly path: DocPath;
}

export interface CheckedObject {
  readonly object: MzObject;
  /** `nameKey(object.name)`, made once when the object is read. */
  readonly key: string;
  readonly label: string;
  readonly path: DocPath;
  readonly referenceSites: ReadonlyMap<string, ReferenceSite>;
}

export interface LabelledProblem extends ObjectProblem {
  readonly object: string;
}

/**
 * References must name a declared object of the right kind, and must not go round in a cycle.
 * `partial` are objects read as well as their other problems allowed: their references and zones
 * are checked too, so that all problems come in one run, but they take no part in cycles.
 */
export function checkReferences(
  objects: readonly CheckedObject[],
  declared: ReadonlyMap<string, Declared>,
  partial: readonly CheckedObject[] = [],
): LabelledProblem[] {
  const problems: LabelledProblem[] = [];
  // Each object's key and references, found once: the reference checks and the cycle search both walk them.
  const linked = objects.map(linksOf);
  const byKey = new Map<string, CheckedObject>();
  for (const o of linked) byKey.set(o.key, o.checked);
  for (const checked of partial) byKey.set(checked.key, checked);
  const partialLinked: Links[] = [];
  for (const checked of partial) {
    // A partly read object may lack the fields its references need: it then adds no further problem.
    try {
      partialLinked.push(linksOf(checked));
    } catch {
      continue;
    }
  }
  const checkOne = ({ checked, references }: Links): void => {
    for (const { ref, key } of references) {
      const problem = checkReference(ref, declared.get(key), declared);
      if (problem === undefined) continue;
      const site = checked.referenceSites.get(ref.field) ?? { path: checked.path, label: ref.field };
      problems.push({ path: site.path, target: 'value', object: checked.label, message: `${site.label}: ${problem}` });
    }
    problems.push(...checkAvailabilityZones(checked, byKey));
  };
  for (const o of linked) checkOne(o);
  for (const o of partialLinked) {
    // A partly read object (its own problems are reported already) is checked as far as its
    // fields allow: where a field the checks need is missing, it adds no further problem.
    const before = problems.length;
    try {
      checkOne(o);
    } catch {
      problems.length = before;
    }
  }
  problems.push(...findCycles(linked));
  return problems;
}

/** An object with its name key and its references, each with the key of its target. */
interface Links {
  readonly checked: CheckedObject;
  readonly key: string;
  readonly references: readonly { readonly ref: Reference; readonly key: string }[];
}

function linksOf(checked: CheckedObject): Links {
  return { checked, key: checked.key, references: referencesOf(checked.object).map((ref) => ({ ref, key: nameKey(ref.target) })) };
}

function expectedWords(ref: Reference): string {
  if (ref.expect.kind === 'secret') return 'a secret';
  if (ref.expect.kind === 'source') return 'a source';
  return `${ref.expect.types.map(article).join(' or ')} connection`;
}

function article(type: string): string {
  // "an ssh-tunnel": the article follows the sound, and ssh is read letter by letter.
  return `${/^(?:[aeiou]|ssh)/.test(type) ? 'an' : 'a'} ${type}`;
}

function checkReference(ref: Reference, target: Declared | undefined, declared: ReadonlyMap<string, Declared>): string | undefined {
  const what = ref.expect.kind;
  if (!target) {
    // A plain string resolves in the default schema; the likely fix for a namesake elsewhere is the object form.
    const namesake = [...declared.values()].find((d) => d.name.name === ref.target.name && d.kind === what);
    const hint = namesake
      ? ` (${displayName(namesake.name)} is declared: refer to it as {name: ${ref.target.name}, schema_name: ${namesake.name.schema}, database_name: ${namesake.name.database}})`
      : suggestion(ref, what, declared);
    return `unknown ${what} ${displayName(ref.target)}: it is not declared in this manifest${hint}`;
  }
  const actual = target.type ? `${article(target.type)} ${target.kind}` : `a ${target.kind}`;
  if (ref.expect.kind === 'secret') {
    return target.kind === 'secret' ? undefined : `${displayName(ref.target)} is ${actual}, but a secret is needed`;
  }
  if (ref.expect.kind === 'source') {
    return target.kind === 'source' ? undefined : `${displayName(ref.target)} is ${actual}, but a source is needed`;
  }
  if (target.kind !== 'connection') return `${displayName(ref.target)} is ${actual}, but ${expectedWords(ref)} is needed`;
  // A connection of unknown type is already reported by the schema.
  if (target.type !== undefined && !(ref.expect.types as readonly string[]).includes(target.type)) {
    return `${displayName(ref.target)} is ${actual}, but ${expectedWords(ref)} is needed`;
  }
  return undefined;
}

/** A declared object of the wanted kind, in the same schema, whose name is a near miss of the one written. */
function suggestion(ref: Reference, what: Reference['expect']['kind'], declared: ReadonlyMap<string, Declared>): string {
  const candidates = [...declared.values()]
    .filter((d) => d.kind === what && d.name.database === ref.target.database && d.name.schema === ref.target.schema)
    .filter((d) => ref.expect.kind !== 'connection' || d.type === undefined || (ref.expect.types as readonly string[]).includes(d.type))
    .map((d) => d.name.name)
    .sort();
  const match = closestMatch(ref.target.name, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

/** A broker's AVAILABILITY ZONE must be one of its PrivateLink connection's zones, or Materialize refuses it. */
function checkAvailabilityZones(checked: CheckedObject, byKey: ReadonlyMap<string, CheckedObject>): LabelledProblem[] {
  const { object } = checked;
  if (object.kind !== 'connection' || object.spec.type !== 'kafka') return [];
  const problems: LabelledProblem[] = [];
  object.spec.brokers.forEach((broker, i) => {
    const path = broker.path;
    if (path?.kind !== 'aws-privatelink' || path.availabilityZone === undefined) return;
    const target = byKey.get(nameKey(path.connection))?.object as Connection | undefined;
    if (target?.kind !== 'connection' || target.spec.type !== 'aws-privatelink') return;
    const zones = target.spec.availabilityZones;
    // A PrivateLink connection read only partly (invalid itself) has no zones to check against.
    if (!Array.isArray(zones)) return;
    if (!zones.includes(path.availabilityZone)) {
      const site = checked.referenceSites.get(`brokers[${i}].path.connection`);
      const at = site ? [...site.path.slice(0, -1), 'availability_zone'] : checked.path;
      const listed = zones.length > 0 ? `(${zones.join(', ')})` : '(it lists none)';
      problems.push({
        path: at,
        target: 'value',
        object: checked.label,
        message: `availability zone ${path.availabilityZone} is not one of the zones of ${displayName(path.connection)} ${listed}`,
      });
    }
  });
  return problems;
}

/**
 * Dependency cycles, each reported once, at the object that sorts first in it.
 * Edges come from `referencesOf`, whatever the kind of the target, so a cycle
 * made of wrong-kind references is shown as well.
 */
function findCycles(objects: readonly Links[]): LabelledProblem[] {
  const byKey = new Map(objects.map((o) => [o.key, o.checked]));
  const targetsOf = new Map<string, string[]>();
  for (const o of objects) {
    const targets = o.references.map((r) => r.key).filter((k) => byKey.has(k));
    if (targets.length > 0) targetsOf.set(o.key, targets);
  }
  // An object that refers to nothing closes no cycle: visiting it changes neither the order nor the
  // outcome of the search, so it is left out, as are the edges into it.
  const edges = new Map<string, string[]>();
  for (const [key, targets] of targetsOf) edges.set(key, [...new Set(targets.filter((k) => targetsOf.has(k)))].sort());
  const problems: LabelledProblem[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): void => {
    state.set(key, 'open');
    stack.push(key);
    for (const next of edges.get(key) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const id = [...cycle].sort().join('|');
        if (!reported.has(id)) {
          reported.add(id);
          const names = cycle.map((k) => byKey.get(k)!.object.name);
          const first = byKey.get(cycle[0]!)!;
          problems.push({
            path: first.path,
            target: 'key',
            object: first.label,
            message: `dependency cycle: ${[...names, names[0]!].map((n: ObjectName) => displayName(n)).join(' → ')}`,
          });
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const key of [...edges.keys()].sort()) if (!state.has(key)) visit(key);
  return problems;
}
