import { InputError } from '../errors.js';
import { type ActualState, type DesiredState, type ForeignObject, type ObjectName, compareNames, displayName, nameKey } from '../model/index.js';

/**
 * Objects whose definition mzform cannot read (a form it does not model):
 * in the schemas the manifest manages each gets a warning on the plan saying
 * it is kept and not managed, and why; they are never dropped, even when
 * pruning (so they are not in the plan's "not in the manifest" list, which
 * pruning would drop).
 * Everything else goes on. A manifest that declares one of them cannot be
 * planned: mzform cannot compare it, and creating it would fail.
 */
export function unreadableInScope(desired: DesiredState, actual: ActualState): (ForeignObject & { name: ObjectName; unreadable: NonNullable<ForeignObject['unreadable']> })[] {
  const inScope = (n: ObjectName) => desired.scope.some((s) => s.database === n.database && s.schema === n.schema);
  return actual.foreign
    .filter((f): f is ForeignObject & { name: ObjectName; unreadable: NonNullable<ForeignObject['unreadable']> } => f.unreadable !== undefined && f.name !== undefined && inScope(f.name))
    .sort((a, b) => compareNames(a.name, b.name));
}

export function unreadableWarnings(desired: DesiredState, actual: ActualState): string[] {
  return unreadableInScope(desired, actual).map(
    (f) => `${f.unreadable.kind} ${displayName(f.name)} (${f.id}) is kept and not managed: mzform cannot read its definition (${f.unreadable.reason}).`,
  );
}

/** Refuses, before anything runs, a manifest that declares an object mzform cannot read. */
export function checkUnreadableDeclared(desired: DesiredState, actual: ActualState): void {
  const unreadable = new Map(actual.foreign.filter((f) => f.unreadable && f.name).map((f) => [nameKey(f.name!), f]));
  if (unreadable.size === 0) return;
  const declared = desired.objects.flatMap((o) => {
    const f = unreadable.get(nameKey(o.name));
    return f ? [`${f.unreadable!.kind} ${displayName(o.name)} (${f.id}): ${f.unreadable!.reason}`] : [];
  });
  if (declared.length === 0) return;
  throw new InputError(
    'plan.unreadable-object',
    `the manifest declares ${declared.length === 1 ? 'an object that exists' : 'objects that exist'} but whose definition mzform cannot read, so cannot compare:\n${declared.map((d) => `  ${d}`).join('\n')}`,
    { hint: 'Remove them from the manifest (they are kept as they are), or re-create them in a form mzform models.' },
  );
}
