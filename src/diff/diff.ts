import { InputError } from '../errors.js';
import {
  type ActualObject,
  type ActualState,
  type DependentsIndex,
  type DesiredState,
  type MzObject,
  type ObjectKind,
  type ObjectName,
  OBJECT_KINDS,
  FINGERPRINT_PREFIX,
  compareNames,
  displayName,
  NameMap,
  indexDependents,
  sameName,
  storedFingerprint,
} from '../model/index.js';
import type { Alteration, Change, FieldChange, ReplaceChange } from './change.js';
import { changeObject } from './change.js';
import { type KindComparison, NO_DIFFERENCE, fieldChange } from './kinds/comparison.js';
import { compareConnection } from './kinds/connection.js';
import { decideSecretValue } from './kinds/secret.js';
import { compareSource } from './kinds/source.js';
import { compareTable } from './kinds/table.js';
import { foreignBlockers } from './foreign-dependents.js';
import { applyRenames } from './renames.js';
import { composeSecretComment } from './secret-fingerprint.js';

export interface DiffOptions {
  /** HMAC key for secret fingerprints. Without it, existing secrets' values are not compared. */
  readonly fingerprintKey?: string;
  /** Secrets whose value is set again whatever their fingerprint says. */
  readonly rotateSecrets?: readonly { readonly database: string; readonly schema: string; readonly name: string }[];
  /** Drop in-scope objects the manifest does not list, even if the manifest does not ask for it. */
  readonly prune?: boolean;
}

export { CHILD_TYPES } from './foreign-dependents.js';

/**
 * Compares the manifest with the catalog, object by object, on typed models
 * with the server's defaults filled in on both sides. Pure: no I/O.
 *
 * Objects are matched by fully qualified name. An object in scope (a schema the
 * manifest manages) that the manifest does not list is dropped only when
 * pruning is on, and reported as unmanaged otherwise. A replace cascades to
 * every object that depends on the replaced one.
 */
export function diff(desired: DesiredState, catalog: ActualState, options: DiffOptions = {}): Change[] {
  const { actual, pending } = applyRenames(desired.renames ?? [], catalog);
  const actualByName = new NameMap<ActualObject>();
  for (const o of actual.objects) actualByName.set(o.object.name, o);
  // A pending rename matches the object under its old name with the manifest's new one.
  const renamedFrom = new NameMap<ObjectName>();
  for (const { rename } of pending) {
    const current = actual.objects.find((o) => sameName(o.object.name, rename.from))!;
    actualByName.delete(rename.from);
    actualByName.set(rename.to, current);
    renamedFrom.set(rename.to, rename.from);
  }
  const desiredNames = new NameMap<true>();
  const inScope = (o: ActualObject) => desired.scope.some((s) => s.database === o.object.name.database && s.schema === o.object.name.schema);
  const prune = options.prune === true || desired.prune;

  const changes: Change[] = desired.objects.map((object) => {
    desiredNames.set(object.name, true);
    const current = actualByName.get(object.name);
    if (!current) return { action: 'create', object, ...storedComment(object, options) };
    const from = pending.length === 0 ? undefined : renamedFrom.get(object.name);
    return from ? withRename(compareObject(object, current, options), from) : compareObject(object, current, options);
  });
  const renamed = new Set(pending.map((p) => p.current.id));
  for (const current of actual.objects) {
    if (desiredNames.has(current.object.name) || renamed.has(current.id) || !inScope(current)) continue;
    changes.push({ action: prune ? 'drop' : 'unmanaged', actual: current });
  }
  const inManagedSchemas = (n: ObjectName) => desired.scope.some((s) => s.database === n.database && s.schema === n.schema);
  // Needed only when something is replaced or dropped: most plans change little.
  let index: DependentsIndex | undefined;
  const dependents = () => (index ??= indexDependents(actual));
  const cascaded = cascadeReplaces(changes, dependents, inManagedSchemas);
  checkDrops(cascaded, dependents, inManagedSchemas);
  checkSubsourceDrops(cascaded, actual, dependents, inManagedSchemas);
  return cascaded.sort(compareChanges);
}

/**
 * A renamed object changed in place: `ALTER ... RENAME TO` first, then its
 * other alterations under the new name. A replace drops the old name and
 * creates the new one, so it needs no rename.
 */
function withRename(change: Change, from: ObjectName): Change {
  const rename: Alteration = { kind: 'rename', from };
  const field = fieldChange('name', from.name, changeObject(change).name.name);
  switch (change.action) {
    case 'no-op':
      return { action: 'alter', object: change.object, actual: change.actual, fields: [field], alterations: [rename], ...(change.storedComment === undefined ? {} : { storedComment: change.storedComment }) };
    case 'alter':
      return { ...change, fields: [field, ...change.fields], alterations: [rename, ...change.alterations] };
    default:
      return change;
  }
}

function compareChanges(a: Change, b: Change): number {
  const x = changeObject(a);
  const y = changeObject(b);
  return compareNames(x.name, y.name) || OBJECT_KINDS.indexOf(x.kind) - OBJECT_KINDS.indexOf(y.kind);
}

function storedComment(object: MzObject, options: DiffOptions, keptFingerprint?: string): { storedComment?: string } {
  const fingerprint =
    object.kind === 'secret' ? (decideForNew(object, options) ?? keptFingerprint) : undefined;
  const stored = object.kind === 'secret' ? composeSecretComment(object.name, object.comment, fingerprint) : object.comment;
  return stored === undefined ? {} : { storedComment: stored };
}

function decideForNew(object: MzObject, options: DiffOptions): string | undefined {
  if (object.kind !== 'secret') return undefined;
  const placeholder: ActualObject = { id: '', object, dependsOn: [], outputs: {}, fingerprint: '' };
  return decideSecretValue(object, placeholder, options.fingerprintKey, true).fingerprint;
}

function compareObject(object: MzObject, current: ActualObject, options: DiffOptions): Change {
  if (object.kind !== current.object.kind) {
    const change = fieldChange('kind', current.object.kind, object.kind, 'text');
    return { action: 'replace', object, actual: current, fields: [change], forcing: ['kind'], ...storedComment(object, options) };
  }
  const byKind = compareDefinition(object, current, options);
  const fields: FieldChange[] = [...byKind.fields];
  const alterations: Alteration[] = [...byKind.alterations];

  let stored: string | undefined = object.comment;
  let before: string | undefined = current.object.comment;
  let unchecked = false;
  if (object.kind === 'secret') {
    const forced = (options.rotateSecrets ?? []).some((n) => sameName(n, object.name));
    const decision = decideSecretValue(object, current, options.fingerprintKey, forced);
    if (decision.reason) {
      fields.push(fieldChange('value', undefined, object.value, 'secret-value'));
      alterations.push({ kind: 'secret-value', reason: decision.reason });
    }
    stored = composeSecretComment(object.name, object.comment, decision.fingerprint);
    before = joinSecretComment(current.object.comment, decision.unchecked ? decision.fingerprint : storedFingerprint(current));
    unchecked = decision.unchecked === true;
  }
  if (object.comment !== current.object.comment) fields.push(fieldChange('comment', current.object.comment, object.comment, 'text'));
  if (stored !== before) alterations.push({ kind: 'comment', comment: stored ?? null });
  if (object.owner !== undefined && object.owner !== current.object.owner) {
    fields.push(fieldChange('owner', current.object.owner, object.owner, 'text'));
    alterations.push({ kind: 'owner', role: object.owner });
  }

  const desiredComment = { ...(stored === undefined ? {} : { storedComment: stored }), ...(unchecked ? { valueUnchecked: true as const } : {}) };
  if (byKind.forcing.length > 0) {
    return { action: 'replace', object, actual: current, fields, forcing: byKind.forcing.map((f) => f.field), ...storedComment(object, options, storedFingerprint(current)) };
  }
  if (alterations.length === 0) return { action: 'no-op', object, actual: current, ...desiredComment };
  return { action: 'alter', object, actual: current, fields, alterations, ...desiredComment };
}

/** Each kind's own comparison, of two objects of that kind (a kind change is a replace before this). */
const COMPARE: { readonly [K in ObjectKind]: (desired: Extract<MzObject, { kind: K }>, actual: Extract<MzObject, { kind: K }>, current: ActualObject) => KindComparison } = {
  secret: () => NO_DIFFERENCE,
  connection: (desired, actual) => compareConnection(desired, actual),
  source: (desired, actual, current) => compareSource(desired, actual, { tablesUnknown: current.tablesUnknown === true }),
  table: (desired, actual) => compareTable(desired, actual),
};

function compareDefinition(object: MzObject, current: ActualObject, _options: DiffOptions): KindComparison {
  if (current.object.kind !== object.kind) return NO_DIFFERENCE;
  return (COMPARE[object.kind] as (d: MzObject, a: MzObject, c: ActualObject) => KindComparison)(object, current.object, current);
}

/** The comment as stored, rebuilt from its parts (no length check: the server already holds it). */
function joinSecretComment(comment: string | undefined, fingerprint: string | undefined): string | undefined {
  if (fingerprint === undefined) return comment;
  const line = `${FINGERPRINT_PREFIX}${fingerprint}`;
  return comment === undefined ? line : `${comment}\n${line}`;
}

/**
 * Replacing an object drops it, and Materialize refuses to drop what others
 * depend on; so every dependent is replaced too, in turn cascading further.
 * A dependent the manifest does not describe cannot be re-created: that is an
 * error the user must resolve, reported before anything runs.
 */
function cascadeReplaces(changes: Change[], dependents: () => DependentsIndex, inScope: (name: ObjectName) => boolean): Change[] {
  const queue = changes.filter((c): c is ReplaceChange => c.action === 'replace');
  if (queue.length === 0) return changes;
  const byId = new Map<string, number>();
  changes.forEach((c, i) => {
    if ('actual' in c) byId.set(c.actual.id, i);
  });
  // The queue grows while it is read: an index instead of shift(), which would move every entry each time.
  for (let head = 0; head < queue.length; head++) {
    const replaced = queue[head]!;
    const from = { kind: replaced.actual.object.kind, name: replaced.actual.object.name };
    blockIfForeign(replaced.actual, dependents, inScope, 'replace');
    for (const dependent of dependents().managed.get(replaced.actual.id) ?? []) {
      const index = byId.get(dependent.id);
      const change = index === undefined ? undefined : changes[index];
      if (change === undefined || change.action === 'unmanaged') throw notManaged(replaced.actual, dependent, 'replaced');
      if (change.action === 'replace' || change.action === 'drop' || change.action === 'create') continue;
      const next: ReplaceChange = {
        action: 'replace',
        object: change.object,
        actual: change.actual,
        fields: change.action === 'alter' ? change.fields : [],
        forcing: [],
        cascadeFrom: from,
        ...(change.storedComment === undefined ? {} : { storedComment: change.storedComment }),
      };
      changes[index as number] = next;
      queue.push(next);
    }
  }
  return changes;
}

/** A dropped object's dependents must go first (dropped or replaced) or stop using it (altered). */
function checkDrops(changes: Change[], dependents: () => DependentsIndex, inScope: (name: ObjectName) => boolean): void {
  if (!changes.some((c) => c.action === 'drop')) return;
  const actionOf = new Map<string, Change['action']>();
  for (const c of changes) if ('actual' in c) actionOf.set(c.actual.id, c.action);
  for (const c of changes) {
    if (c.action !== 'drop') continue;
    blockIfForeign(c.actual, dependents, inScope, 'drop');
    for (const dependent of dependents().managed.get(c.actual.id) ?? []) {
      const action = actionOf.get(dependent.id);
      if (action !== 'drop' && action !== 'replace' && action !== 'alter') throw notManaged(c.actual, dependent, 'dropped');
    }
  }
}

/**
 * A subsource dropped in place goes with DROP SOURCE ... RESTRICT: a view or
 * index on it would make Materialize refuse, and mzform never drops what the
 * manifest does not describe, so the plan stops here instead.
 */
function checkSubsourceDrops(changes: readonly Change[], actual: ActualState, dependents: () => DependentsIndex, inScope: (name: ObjectName) => boolean): void {
  for (const c of changes) {
    if (c.action !== 'alter') continue;
    for (const a of c.alterations) {
      if (a.kind !== 'drop-subsource') continue;
      const subsource = actual.foreign.find((f) => f.type === 'subsource' && f.name !== undefined && sameName(f.name, a.subsource));
      const blockers = subsource ? foreignBlockers(subsource, dependents(), inScope) : [];
      if (blockers.length === 0) continue;
      throw new InputError(
        'plan.foreign-dependents',
        `subsource ${displayName(a.subsource)} of source ${displayName(c.object.name)} must be dropped, but ${blockers.sort().join(', ')} depend${blockers.length === 1 ? 's' : ''} on it and mzform does not manage ${blockers.length === 1 ? 'it' : 'them'}`,
        { hint: 'Drop those objects first (and re-create them after apply), or keep the table in the manifest.' },
      );
    }
  }
}

function blockIfForeign(object: ActualObject, dependents: () => DependentsIndex, inScope: (name: ObjectName) => boolean, verb: 'replace' | 'drop'): void {
  const blockers = foreignBlockers(object, dependents(), inScope);
  if (blockers.length === 0) return;
  throw new InputError(
    'plan.foreign-dependents',
    `${object.object.kind} ${displayName(object.object.name)} must be ${verb === 'drop' ? 'dropped' : 'replaced'}, but ${blockers.sort().join(', ')} depend${blockers.length === 1 ? 's' : ''} on it and mzform does not manage ${blockers.length === 1 ? 'it' : 'them'}`,
    { hint: 'Drop those objects first (and re-create them after apply), or change the manifest so that no replace is needed.' },
  );
}

function notManaged(object: ActualObject, dependent: ActualObject, verb: string): InputError {
  const kind: ObjectKind = dependent.object.kind;
  return new InputError(
    'plan.dependent-not-managed',
    `${object.object.kind} ${displayName(object.object.name)} must be ${verb}, but ${kind} ${displayName(dependent.object.name)} depends on it and the manifest does not describe it`,
    { hint: `Add ${displayName(dependent.object.name)} to the manifest (so mzform can re-create it) or drop it yourself first.` },
  );
}
