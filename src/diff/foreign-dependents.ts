import { type DependentsIndex, type ObjectName, displayName } from '../model/index.js';

/** Subsources and progress sources belong to their source: dropping it takes them along. */
export const CHILD_TYPES: ReadonlySet<string> = new Set(['subsource', 'progress']);

/**
 * What a DROP of `object` would take with it that mzform must not touch: every
 * object that depends on it, directly or through others, that the manifest
 * does not describe: views, materialized views, indexes, sinks, tables, objects
 * mzform cannot read, and the object's own subsources when they lie outside
 * the schemas the manifest manages. Its subsources inside those schemas go
 * with it (DROP ... CASCADE, shown as a hazard), and what depends on them is
 * looked at in turn. Managed dependents are not listed: the plan replaces or
 * drops them itself. Labels like `view materialize.public.v`, sorted.
 */
export function foreignBlockers(object: { readonly id: string }, dependents: DependentsIndex, inScope: (name: ObjectName) => boolean): string[] {
  const blockers = new Set<string>();
  const visited = new Set<string>([object.id]);
  const queue = [object.id];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const f of dependents.foreign.get(id) ?? []) {
      if (visited.has(f.id)) continue;
      visited.add(f.id);
      queue.push(f.id);
      const ownChild = id === object.id && CHILD_TYPES.has(f.type) && f.unreadable === undefined;
      if (ownChild && (f.name === undefined || inScope(f.name))) continue;
      blockers.add(`${f.type.replaceAll('-', ' ')} ${f.name ? displayName(f.name) : f.id}${ownChild ? ' (in a schema the manifest does not manage)' : ''}`);
    }
  }
  return [...blockers].sort();
}
