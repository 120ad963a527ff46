import { createHmac } from 'node:crypto';
import { type ActualState, nameKey } from '../model/index.js';
import type { Plan } from './plan.js';
import { type PlanFile, toPlanFile } from './plan-file.js';

/**
 * What a saved plan (`plan --out`) records beyond the plan itself, so that
 * `apply plan.json` can prove it runs what was shown: apply loads the same
 * manifest with the normal loader, plans again against the catalog of now
 * with the same options, and runs only if the steps are the same, no object
 * depends on what the plan drops that did not before, and (with a key) the
 * secret values resolved now are the ones resolved at plan time.
 */
export interface SavedPlanContext {
  /** The manifest files as given to `plan -f`, read again by apply (relative paths from the directory apply runs in). */
  readonly manifest: readonly string[];
  /** `--environment`, when given: which of the manifest's environments supplies its variables. */
  readonly environment?: string;
  readonly prune: boolean;
  readonly rotateSecrets: readonly string[];
  /** For each object the plan drops or replaces (catalog id): the ids of every catalog object that depended on it. */
  readonly dependents: Readonly<Record<string, readonly string[]>>;
  /**
   * HMAC-SHA256 over the steps as shown and every secret value they set,
   * under a key derived from MZFORM_FINGERPRINT_KEY. Absent without the key:
   * then a saved plan that sets a secret value cannot be applied.
   */
  readonly seal?: string;
}

/**
 * For each object the plan drops (or drops to replace), the catalog objects
 * that depend on it, anywhere in the catalog (in scope or not, managed or
 * not, subsources included). Pure.
 */
export function dependentsOf(plan: Plan, actual: ActualState): Record<string, string[]> {
  const dropped = new Set(plan.steps.filter((s) => s.action === 'drop' || (s.action === 'replace' && s.phase !== 'create')).map((s) => `${s.objectKind} ${nameKey(s.name)}`));
  const ids = actual.objects.filter((o) => dropped.has(`${o.object.kind} ${nameKey(o.object.name)}`)).map((o) => o.id);
  const all = [...actual.objects.map((o) => ({ id: o.id, dependsOn: o.dependsOn })), ...actual.foreign];
  const out: Record<string, string[]> = {};
  for (const id of [...ids].sort()) out[id] = all.filter((o) => o.dependsOn.includes(id)).map((o) => o.id).sort();
  return out;
}

/** Objects depending now on something the plan drops that did not when it was made: `[dropped id, new dependent id]`. */
export function newDependents(recorded: SavedPlanContext['dependents'], now: Readonly<Record<string, readonly string[]>>): [string, string][] {
  const out: [string, string][] = [];
  for (const [id, deps] of Object.entries(now)) {
    const before = new Set(recorded[id] ?? []);
    for (const dep of deps) if (!before.has(dep)) out.push([id, dep]);
  }
  return out;
}

/**
 * The seal of a plan: HMAC-SHA256 of the steps as the plan file shows them
 * and of each secret value they set. The key is derived from the
 * fingerprint key with its own label, so a seal never equals a fingerprint
 * stored in a comment. Pure.
 */
export function sealPlan(plan: Plan, fingerprintKey: string): string {
  const key = createHmac('sha256', fingerprintKey).update('mzform saved plan seal key v1').digest();
  const mac = createHmac('sha256', key);
  mac.update(canonicalSteps(toPlanFile(plan).steps));
  for (const step of plan.steps) {
    step.statements.forEach((st, i) => {
      if (!st.secret) return;
      const value = st.secret.reveal();
      mac.update(`\0${step.id}\0${i}\0${Buffer.byteLength(value, 'utf8')}\0`);
      mac.update(value);
    });
  }
  return `hmac-sha256:${mac.digest('hex')}`;
}

/** The steps' JSON with keys sorted, so that comparing two plans does not depend on key order. */
export function canonicalSteps(steps: PlanFile['steps'] | unknown): string {
  return JSON.stringify(steps, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Where a saved plan's steps and the plan made again now first differ, in
 * words, or undefined when they are the same.
 */
export function firstDifference(saved: unknown, fresh: PlanFile['steps']): string | undefined {
  const before = Array.isArray(saved) ? saved : [];
  const n = Math.max(before.length, fresh.length);
  for (let i = 0; i < n; i++) {
    const a = before[i] as { id?: unknown; display_name?: unknown } | undefined;
    const b = fresh[i];
    if (canonicalSteps(a ?? null) === canonicalSteps(b ?? null)) continue;
    if (a === undefined) return `step ${b?.id ?? i + 1} (${b?.action} ${b?.object_kind} ${b?.display_name}) is needed now but is not in the saved plan`;
    if (b === undefined) return `step ${String(a.id)} (${String(a.display_name)}) is in the saved plan but is not needed now`;
    return `step ${b.id} (${b.action} ${b.object_kind} ${b.display_name}) differs`;
  }
  return canonicalSteps(saved) === canonicalSteps(fresh) ? undefined : 'the steps differ';
}

/** The context `plan --out` saves with the plan. Pure. */
export function savedPlanContext(
  plan: Plan,
  actual: ActualState,
  options: { readonly manifest: readonly string[]; readonly environment?: string; readonly prune: boolean; readonly rotateSecrets: readonly string[]; readonly fingerprintKey: string | undefined },
): SavedPlanContext {
  return {
    manifest: [...options.manifest],
    ...(options.environment !== undefined ? { environment: options.environment } : {}),
    prune: options.prune,
    rotateSecrets: [...options.rotateSecrets],
    dependents: dependentsOf(plan, actual),
    ...(options.fingerprintKey !== undefined ? { seal: sealPlan(plan, options.fingerprintKey) } : {}),
  };
}
