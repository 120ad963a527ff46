import { type Change, changeObject } from '../diff/index.js';
import { InputError } from '../errors.js';
import { type DesiredState, type MzObject, type ObjectName, displayName, nameKey, referencesOf } from '../model/index.js';

export interface DeferredChange {
  readonly action: string;
  readonly kind: string;
  readonly name: string;
}

export interface TargetSelection {
  /** The changes to plan: the targets', their dependencies', and what must move with them. */
  readonly changes: readonly Change[];
  /** Changes left for a later run, for the plan's warnings. */
  readonly deferred: readonly DeferredChange[];
}

/**
 * `--target NAME`: only the named objects and what they depend on
 * (transitively, through the manifest's references). A replace or drop that
 * drags dependents along (a cascade) keeps them, because Materialize would
 * refuse the drop otherwise. Everything else waits for a later run. Pure.
 *
 * Names resolve like `--rotate-secret`: `database.schema.name`,
 * `schema.name`, or the bare name when it is unique.
 */
export function selectTargets(changes: readonly Change[], desired: DesiredState, targets: readonly string[]): TargetSelection {
  const candidates = new Map<string, ObjectName>();
  for (const o of desired.objects) candidates.set(nameKey(o.name), o.name);
  for (const c of changes) if (c.action === 'drop') candidates.set(nameKey(c.actual.object.name), c.actual.object.name);
  const roots = targets.map((t) => resolveTarget(t, [...candidates.values()]));

  const byName = new Map<string, MzObject>(desired.objects.map((o) => [nameKey(o.name), o]));
  const selected = new Set<string>();
  const queue = roots.map(nameKey);
  while (queue.length > 0) {
    const key = queue.shift() as string;
    if (selected.has(key)) continue;
    selected.add(key);
    const object = byName.get(key);
    if (object) for (const ref of referencesOf(object)) queue.push(nameKey(ref.target));
  }

  const kept = new Set<Change>(changes.filter((c) => c.action === 'no-op' || c.action === 'unmanaged' || selected.has(nameKey(changeName(c)))));
  // Dependents that a kept drop takes along (cascading replaces, pruned dependents) must come too.
  for (let grew = true; grew; ) {
    grew = false;
    const droppedIds = new Set([...kept].flatMap((c) => (c.action === 'drop' || c.action === 'replace' ? [c.actual.id] : [])));
    const keptNames = new Set([...kept].map((c) => nameKey(changeName(c))));
    for (const c of changes) {
      if (kept.has(c) || (c.action !== 'drop' && c.action !== 'replace')) continue;
      const dragged = c.actual.dependsOn.some((id) => droppedIds.has(id)) || (c.action === 'replace' && c.cascadeFrom !== undefined && keptNames.has(nameKey(c.cascadeFrom.name)));
      if (dragged) {
        kept.add(c);
        grew = true;
      }
    }
  }
  const deferred = changes.filter((c) => !kept.has(c)).map((c) => ({ action: c.action, kind: kindOf(c), name: displayName(changeName(c)) }));
  return { changes: changes.filter((c) => kept.has(c)), deferred };
}

/**
 * The warning the plan carries when --target left changes out: once, with the
 * names grouped by what would happen to them (`create source a, b; alter connection c`).
 */
export function deferredWarning(deferred: readonly DeferredChange[]): string[] {
  if (deferred.length === 0) return [];
  const groups = new Map<string, string[]>();
  for (const d of deferred) {
    const key = `${d.action} ${d.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), d.name]);
  }
  const listed = [...groups.entries()].map(([what, names]) => `${what} ${names.join(', ')}`).join('; ');
  return [`--target: ${deferred.length} other change${deferred.length === 1 ? ' is' : 's are'} left for a later run: ${listed}.`];
}

function changeName(c: Change): ObjectName {
  return changeObject(c).name;
}

function kindOf(c: Change): string {
  return changeObject(c).kind;
}

function resolveTarget(given: string, names: readonly ObjectName[]): ObjectName {
  const matches = names.filter(
    (n) => displayName(n) === given || `${n.database}.${n.schema}.${n.name}` === given || `${n.schema}.${n.name}` === given || n.name === given,
  );
  if (matches.length === 1) return matches[0] as ObjectName;
  if (matches.length === 0) throw new InputError('flags.unknown-target', `--target ${given}: the manifest declares no such object`);
  throw new InputError('flags.ambiguous-target', `--target ${given} matches ${matches.map(displayName).join(', ')}; give the full name`);
}
