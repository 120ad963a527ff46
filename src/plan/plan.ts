import type { Change, FieldChange } from '../diff/index.js';
import type { ContainerKind, ObjectKind, ObjectName } from '../model/index.js';
import type { Statement } from '../sql/index.js';
import type { Hazard } from './hazards.js';

/** Bumped whenever the plan file's shape changes incompatibly (schemas/plan.schema.json). */
export const PLAN_FORMAT_VERSION = 1;

export type StepAction = 'create' | 'alter' | 'replace' | 'drop';

/**
 * One object's action, or one half of a replace: a replace is two steps, the
 * drop and the create, because dependents must be dropped between them in one
 * direction and created in the other.
 */
export interface Step {
  /** `1`, `2`, ...: the position in the plan, stable for the same input. */
  readonly id: string;
  readonly action: StepAction;
  /** Replace only: which half this step is. */
  readonly phase?: 'drop' | 'create';
  /** A cluster, database or schema step names it with only the parts it has (model/containers.ts). */
  readonly objectKind: ObjectKind | ContainerKind;
  readonly name: ObjectName;
  /** Exactly what apply runs, in order, one statement per round trip. */
  readonly statements: readonly Statement[];
  readonly hazards: readonly Hazard[];
  /** Why: the field that forced a replace, the object a replace cascades from, why a secret is set. */
  readonly reason?: string;
  /** Field-level before/after (on the create half of a replace, and on alters). */
  readonly fields: readonly FieldChange[];
  /**
   * The differ's change this step came from, for whoever needs more than the
   * step says (both halves of a replace carry it). Absent on a plan read from
   * a file: it is never written there.
   */
  readonly change?: Change;
}

/** An object in scope that the manifest does not list, kept because pruning is off. */
export interface UnmanagedObject {
  readonly id: string;
  readonly objectKind: ObjectKind;
  readonly name: ObjectName;
}

export interface PlanSummary {
  readonly create: number;
  readonly alter: number;
  readonly replace: number;
  readonly drop: number;
}

export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly steps: readonly Step[];
  readonly unmanaged: readonly UnmanagedObject[];
  /** Counted by object: a replace counts once. */
  readonly summary: PlanSummary;
  /** Fingerprint of every catalog object read, by id: apply refuses a saved plan if any moved. */
  readonly catalogFingerprints: Readonly<Record<string, string>>;
  /** Things the user should know that are not changes, e.g. secret values not compared. */
  readonly warnings: readonly string[];
}

export function hasChanges(plan: Plan): boolean {
  return plan.steps.length > 0;
}

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
