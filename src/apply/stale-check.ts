import { RefusedError } from '../errors.js';
import { type ActualState, displayName, nameKey } from '../model/index.js';
import type { Plan } from '../plan/index.js';

/** A catalog object that changed since the plan was made. */
export interface StaleObject {
  readonly id: string;
  /** Display name, when the object is still there to name. */
  readonly name?: string;
  /**
   * changed: its definition, comment or owner; removed: dropped since; added:
   * a new object where the plan would create one; new-dependent: it depends
   * on an object the plan drops or replaces, and did not when the plan was made.
   */
  readonly change: 'changed' | 'removed' | 'added' | 'new-dependent';
  /** new-dependent: the id of the object the plan drops that it depends on. */
  readonly of?: string;
}

/**
 * Pure: compares the fingerprints a plan recorded with the catalog read now.
 * Every object the plan read must be there unchanged, and no new object may
 * sit under a name the plan acts on.
 */
export function staleObjects(plan: Plan, actual: ActualState): StaleObject[] {
  const now = new Map(actual.objects.map((o) => [o.id, o]));
  const stale: StaleObject[] = [];
  for (const [id, fingerprint] of Object.entries(plan.catalogFingerprints)) {
    const current = now.get(id);
    if (!current) stale.push({ id, change: 'removed' });
    else if (current.fingerprint !== fingerprint) stale.push({ id, name: displayName(current.object.name), change: 'changed' });
  }
  const stepNames = new Set(plan.steps.map((s) => nameKey(s.name)));
  for (const o of actual.objects) {
    if (!(o.id in plan.catalogFingerprints) && stepNames.has(nameKey(o.object.name))) stale.push({ id: o.id, name: displayName(o.object.name), change: 'added' });
  }
  return stale.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function stalePlanError(stale: readonly StaleObject[], saved: boolean): RefusedError {
  const lines = stale.map((s) => `  ${s.id}${s.name ? ` ${s.name}` : ''}: ${s.change === 'new-dependent' ? `new, depends on ${s.of ?? 'an object the plan drops'}` : s.change}`);
  return new RefusedError(
    'apply.stale-plan',
    `${saved ? 'the saved plan is stale' : 'the catalog changed after the plan was made'}: ${stale.length} object${stale.length === 1 ? '' : 's'} changed since the plan read the catalog; nothing was applied:\n${lines.join('\n')}`,
    { hint: saved ? 'Make a new plan (mzform plan --out plan.json), review it, and apply that.' : 'Run mzform apply again to plan against the current catalog.' },
  );
}
