import type { ActualObject, ActualState, ForeignObject } from './state.js';

/**
 * What depends on each catalog id, read from every object's `dependsOn`:
 * managed objects and foreign ones, each listed once per id, in catalog
 * order. Built once per diff or plan; every question "what uses this object"
 * is then a lookup, not a scan of the whole catalog per object asked about.
 */
export interface DependentsIndex {
  readonly managed: ReadonlyMap<string, readonly ActualObject[]>;
  readonly foreign: ReadonlyMap<string, readonly ForeignObject[]>;
}

export function indexDependents(actual: ActualState): DependentsIndex {
  return { managed: byReferenced(actual.objects), foreign: byReferenced(actual.foreign) };
}

function byReferenced<T extends { readonly dependsOn: readonly string[] }>(objects: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const o of objects) {
    for (const id of new Set(o.dependsOn)) {
      const list = index.get(id);
      if (list === undefined) index.set(id, [o]);
      else list.push(o);
    }
  }
  return index;
}
