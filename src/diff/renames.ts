import { InputError } from '../errors.js';
import { type ActualObject, type ActualState, type ObjectName, type Rename, displayName, nameKey } from '../model/index.js';

/** A declared rename that the catalog still has to go through, with the object as it is now. */
export interface PendingRename {
  readonly rename: Rename;
  readonly current: ActualObject;
}

/**
 * Which declared renames still have to happen, and the catalog as it will read
 * once they have. A rename is pending while the old name exists and the new
 * one does not; once applied (new name present, old gone) it is nothing; with
 * neither, the object is simply created. Both present is a conflict the user
 * must resolve.
 *
 * Materialize rewrites every dependent's create_sql on rename
 * (src/adapter/src/catalog/transact.rs:2236-2266), so the references of
 * actual objects are read under the new names: a source that uses a renamed
 * connection is then no change.
 */
export function applyRenames(renames: readonly Rename[], actual: ActualState): { actual: ActualState; pending: readonly PendingRename[] } {
  if (renames.length === 0) return { actual, pending: [] };
  const byName = new Map(actual.objects.map((o) => [nameKey(o.object.name), o]));
  const pending: PendingRename[] = [];
  for (const rename of renames) {
    const old = byName.get(nameKey(rename.from));
    if (!old) continue;
    if (byName.has(nameKey(rename.to))) {
      throw new InputError(
        'plan.rename-conflict',
        `${rename.kind} ${displayName(rename.to)} is declared as renamed from ${displayName(rename.from)}, but both exist in Materialize`,
        { hint: `Drop one of them yourself, or remove renamed_from from ${displayName(rename.to)}.` },
      );
    }
    if (old.object.kind !== rename.kind) {
      throw new InputError(
        'plan.rename-kind',
        `${rename.kind} ${displayName(rename.to)} is declared as renamed from ${displayName(rename.from)}, which is a ${old.object.kind}`,
        { hint: 'A rename keeps the kind: remove renamed_from, or point it at an object of the same kind.' },
      );
    }
    pending.push({ rename, current: old });
  }
  if (pending.length === 0) return { actual, pending };
  const moved = new Map(pending.map((p) => [nameKey(p.rename.from), p.rename.to]));
  // The object's own name stays: until the rename runs, that is the name Materialize knows it by (a replace drops it by it).
  const objects = actual.objects.map((o) => ({ ...o, object: { ...renameNames(o.object, moved), name: o.object.name } }));
  return { actual: { ...actual, objects }, pending };
}

/**
 * Every object name inside a model value, old names replaced by new ones.
 * Model values are plain data, and a name is exactly `{database, schema, name}`.
 */
function renameNames<T>(value: T, moved: ReadonlyMap<string, ObjectName>): T {
  if (Array.isArray(value)) return value.map((v) => renameNames(v, moved)) as T;
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return value;
  if (isObjectName(value)) return (moved.get(nameKey(value)) ?? value) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameNames(v, moved)])) as T;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isObjectName(value: object): value is ObjectName {
  const keys = Object.keys(value).sort();
  return keys.length === 3 && keys[0] === 'database' && keys[1] === 'name' && keys[2] === 'schema';
}
