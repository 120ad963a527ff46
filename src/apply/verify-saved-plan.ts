import { InputError, RefusedError } from '../errors.js';
import { type ActualState, displayName } from '../model/index.js';
import { type LoadedPlanFile, type Plan, type SavedPlanContext, dependentsOf, firstDifference, newDependents, sealPlan, toPlanFile } from '../plan/index.js';
import { type StaleObject, staleObjects, stalePlanError } from './stale-check.js';

type SavedPlan = LoadedPlanFile & { saved: SavedPlanContext };

/**
 * Pure, first, before planning again: every object the saved plan read is
 * there unchanged, and nothing depends now on what it drops or replaces that
 * did not when it was made (anywhere in the catalog, subsources included).
 */
export function checkSavedPlanFresh(saved: SavedPlan, actual: ActualState): void {
  const stale: StaleObject[] = [...staleObjects(saved.plan, actual)];
  for (const [dropped, dependent] of newDependents(saved.saved.dependents, dependentsOf(saved.plan, actual))) {
    const object = actual.objects.find((o) => o.id === dependent)?.object.name ?? actual.foreign.find((f) => f.id === dependent)?.name;
    stale.push({ id: dependent, ...(object ? { name: displayName(object) } : {}), change: 'new-dependent', of: dropped });
  }
  if (stale.length > 0) throw stalePlanError(stale, true);
}

/** The plan made again from a saved plan's manifest and options; a manifest that no longer plans is a mismatch, not invalid input. */
export function replanSaved(file: string, saved: SavedPlan, replan: () => Plan): Plan {
  try {
    return replan();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new RefusedError('apply.plan-mismatch', `${file} cannot be made again from its manifest ${saved.saved.manifest.join(', ')} and the catalog now: ${err.message}; nothing was changed`, {
      hint: 'Make a new plan (mzform plan --out plan.json), review it, and apply that.',
    });
  }
}

/**
 * Pure: may the plan made again now (`fresh`, from the saved plan's manifest
 * and options against the catalog of now) run in place of the saved one?
 * Refuses, before any statement, when:
 * - the steps differ in any byte shown (a hand-edited step, hazard or
 *   secret source, or a manifest changed since);
 * - a secret value it sets is not the one planned (the seal, keyed by the
 *   fingerprint key, does not match), or there is no key to tell.
 */
export function verifySavedPlan(file: string, saved: SavedPlan, fresh: Plan, key: string | undefined): void {
  const difference = firstDifference(saved.steps, toPlanFile(fresh).steps);
  if (difference !== undefined) {
    throw new RefusedError('apply.plan-mismatch', `${file} is not the plan of its manifest ${saved.saved.manifest.join(', ')} against the catalog now: ${difference}; nothing was changed`, {
      hint: 'The plan file was edited or the manifest changed since. Make a new plan (mzform plan --out plan.json), review it, and apply that.',
    });
  }

  const setsSecrets = fresh.steps.some((s) => s.statements.some((st) => st.secret !== undefined));
  if (!setsSecrets) return;
  if (key === undefined || saved.saved.seal === undefined) {
    throw new RefusedError(
      'apply.unverifiable-secrets',
      `${file} sets secret values, and without MZFORM_FINGERPRINT_KEY ${key === undefined ? 'now' : 'when the plan was made'} nothing can show that the values read now are the ones planned; nothing was changed`,
      { hint: 'Set the same MZFORM_FINGERPRINT_KEY for mzform plan --out and mzform apply, or apply the manifest directly (mzform apply -f).' },
    );
  }
  if (sealPlan(fresh, key) !== saved.saved.seal) {
    throw new RefusedError('apply.secret-changed', `${file}: a secret value read now from the manifest's sources is not the one planned (or MZFORM_FINGERPRINT_KEY changed); nothing was changed`, {
      hint: 'Make a new plan with the values to set (mzform plan --out plan.json), review it, and apply that.',
    });
  }
}
