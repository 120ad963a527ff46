import { InputError } from '../errors.js';
import { type ActualState, type DesiredState, type ExternalObject, displayName, nameKey } from '../model/index.js';

/** An object the manifest references but does not manage is missing, or not of the kind or type it says. */
export class ExternalObjectError extends InputError {
  constructor(lines: readonly string[]) {
    super('plan.external-missing', [`${lines.length === 1 ? 'an object' : `${lines.length} objects`} the manifest uses but does not manage ${lines.length === 1 ? 'is' : 'are'} not as declared (nothing was changed):`, ...lines].join('\n'), {
      hint: 'Create them where they are managed, or fix their name, schema or type under external:.',
    });
  }
}

/**
 * Checks the manifest's `external:` objects against the catalog, as Terraform
 * reads a data source: each must exist with the declared kind and type. They
 * are then set aside as foreign objects: never created, altered, dropped or
 * listed as "not in the manifest", while what depends on them still counts as
 * a dependent (so a drop that would take one along is refused).
 */
export function withExternalObjects(actual: ActualState, desired: DesiredState): ActualState {
  const external = desired.external ?? [];
  if (external.length === 0) return actual;
  const byName = new Map(actual.objects.map((o) => [nameKey(o.object.name), o]));
  const unreadable = new Map(actual.foreign.flatMap((f) => (f.name ? [[nameKey(f.name), f] as const] : [])));
  const problems: string[] = [];
  const set = new Set<string>();
  for (const e of external) {
    const found = byName.get(nameKey(e.name));
    const problem = found ? mismatch(e, found.object) : unreadable.has(nameKey(e.name)) ? undefined : `no ${e.kind} ${displayName(e.name)} exists`;
    if (problem) problems.push(`${e.location.file}:${e.location.line}:${e.location.column}: external ${e.kind} ${e.name.name}: ${problem}`);
    if (found) set.add(found.id);
  }
  if (problems.length > 0) throw new ExternalObjectError(problems);
  return {
    ...actual,
    objects: actual.objects.filter((o) => !set.has(o.id)),
    foreign: [
      ...actual.foreign,
      ...actual.objects
        .filter((o) => set.has(o.id))
        .map((o) => ({ id: o.id, type: o.object.kind === 'connection' ? o.object.spec.type : o.object.kind, name: o.object.name, dependsOn: o.dependsOn })),
    ],
  };
}

function mismatch(expected: ExternalObject, actual: ActualState['objects'][number]['object']): string | undefined {
  const name = displayName(expected.name);
  if (actual.kind !== expected.kind) return `${name} is ${article(actual.kind)}, not ${article(expected.kind)}`;
  if (actual.kind === 'connection' && expected.type !== undefined && actual.spec.type !== expected.type) {
    return `${name} is ${article(actual.spec.type)} connection, not ${article(expected.type)} one`;
  }
  return undefined;
}

/** "an ssh-tunnel", "a kafka": the article follows the sound. */
function article(word: string): string {
  return `${/^(?:[aeiou]|ssh)/.test(word) ? 'an' : 'a'} ${word}`;
}
