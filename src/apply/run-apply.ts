import { readFileSync } from 'node:fs';
import type { Database } from '../db/index.js';
import { InputError, RefusedError } from '../errors.js';
import { type ActualState, type DesiredState, type ObjectName, nameKey } from '../model/index.js';
import { FINGERPRINT_KEY_VARIABLE, declaredSecretValues, loadActual, loadDesired, planChanges } from '../pipeline/index.js';
import { type HazardCode, type LoadedPlanFile, type Plan, type SavedPlanContext, readPlanFile } from '../plan/index.js';
import { type StepEnded, type StepStarted, executePlan, planSecrets } from './execute.js';
import { checkHazards } from './hazard-gate.js';
import { interruptName } from './interrupt.js';
import { type HeldLock, type LockHolder, type LockLocation, acquireLock, describeHolder, formatDuration, releaseLock } from './lock.js';
import { collectOutputs, validateConnections } from './outputs.js';
import type { ApplyOutcome, ApplyReport, ObjectOutput, StepResult, ValidationResult } from './report.js';
import { checkSavedPlanFresh, replanSaved, verifySavedPlan } from './verify-saved-plan.js';
import { deferredWarning, selectTargets } from './target.js';
import { type ApplyTarget, type TargetOptions, openApplyTarget } from './target-connection.js';

export type ApplyInput = { readonly kind: 'manifest'; readonly file: string | readonly string[] } | { readonly kind: 'plan-file'; readonly file: string };

export interface ApplyOptions extends TargetOptions {
  readonly input: ApplyInput;
  /** `--environment`: which of the manifest's environments supplies `${var:...}` (manifest input). */
  readonly environment?: string;
  /** Manifest input only. */
  readonly prune?: boolean;
  readonly rotateSecrets?: readonly string[];
  /** --target: only these objects and what they depend on. */
  readonly targets?: readonly string[];
  readonly allowHazards: ReadonlySet<HazardCode>;
  readonly lock: { readonly location: LockLocation; readonly holder: LockHolder; readonly timeoutMs: number; readonly pollMs?: number };
  /** Run VALIDATE CONNECTION on the connections created or altered. */
  readonly validate?: boolean;
  /** Shows the plan, before the hazard gate and the confirmation. */
  readonly showPlan?: (plan: Plan) => void;
  /** Asked when there are changes (manifest input); false stops with nothing changed. */
  readonly confirm?: (plan: Plan) => Promise<boolean>;
  /** Ctrl-C, SIGTERM, SIGHUP: stop between statements, release the lock, report. The abort reason names the signal. */
  readonly signal?: AbortSignal;
  /**
   * Once the lock is held: how long reading the catalog, planning and
   * running the statements may take in all. A statement still running when
   * it ends is cut short and reported as failed; the lock is released.
   */
  readonly overallTimeoutMs?: number;
  readonly onStepStart?: StepStarted;
  readonly onStep?: StepEnded;
  /** Notes for stderr (a lock that could not be released). */
  readonly warn?: (line: string) => void;
  /** A target opened by the caller and left open (apply --wait runs several applies on one in-process emulator). */
  readonly sharedTarget?: ApplyTarget;
}

export interface ApplyResult {
  readonly plan: Plan;
  readonly report: ApplyReport;
}

/**
 * The whole of `mzform apply` without the CLI, in this order:
 * take the lock, read the catalog, plan (or load the saved plan and refuse
 * it if stale), show it, refuse hazards not allowed, ask, run statement by
 * statement, release the lock (on success, failure and Ctrl-C alike), read
 * the outputs, validate.
 *
 * With a manifest the plan is made under the lock, as Terraform does, so a
 * second apply that waited for the lock plans against what the first one
 * left, never against a catalog that moved.
 */
export async function runApply(options: ApplyOptions): Promise<ApplyResult> {
  const planFile = options.input.kind === 'plan-file' ? options.input.file : '';
  const saved = options.input.kind === 'plan-file' ? loadSavedPlan(planFile) : undefined;
  if (saved) {
    // A saved plan is known before connecting: refuse its hazards without touching the server.
    options.showPlan?.(saved.plan);
    checkHazards(saved.plan, options.allowHazards);
  }
  // A saved plan's secret values come only from its manifest's declared sources, read by the normal loader.
  const environment = saved ? saved.saved.environment : options.environment;
  const desired = await loadDesired(saved ? saved.saved.manifest : options.input.file, options.env, { environment });

  const declared = declaredSecretValues(desired);
  const target = options.sharedTarget ?? (await openApplyTarget({ ...options, redact: declared }));
  try {
    const first = await target.connect();
    let lock: HeldLock;
    try {
      lock = await acquireLock(first, { ...options.lock, ...(options.signal ? { signal: options.signal } : {}), reconnect: () => target.connect() });
    } catch (err) {
      await first.close();
      throw err;
    }
    let plan: Plan;
    let execution: Awaited<ReturnType<typeof executePlan>> | undefined;
    let db: Database | undefined = first;
    if (options.overallTimeoutMs !== undefined && options.overallTimeoutMs > 0) {
      first.setDeadline?.(Date.now() + options.overallTimeoutMs, `the overall time limit (${formatDuration(options.overallTimeoutMs)}, --timeout)`);
    }
    try {
      const actual = await loadActual(first, desired);
      if (!saved) {
        plan = planChanges(desired, actual, {
          env: options.env,
          ...(options.prune !== undefined ? { prune: options.prune } : {}),
          rotateSecrets: options.rotateSecrets ?? [],
          ...(options.targets && options.targets.length > 0 ? { selectChanges: targetSelector(desired, options.targets) } : {}),
        });
        options.showPlan?.(plan);
        checkHazards(plan, options.allowHazards);
        if (plan.steps.length > 0 && options.confirm && !(await options.confirm(plan))) {
          throw new RefusedError('apply.not-confirmed', 'apply cancelled: nothing was changed');
        }
      } else {
        // Terraform's rule for saved plans: plan again, run only if it is the plan that was shown.
        checkSavedPlanFresh(saved, actual);
        const savedOptions = { env: options.env, prune: saved.saved.prune, rotateSecrets: saved.saved.rotateSecrets };
        plan = replanSaved(planFile, saved, () => planChanges(desired, actual, savedOptions));
        verifySavedPlan(planFile, saved, plan, options.env[FINGERPRINT_KEY_VARIABLE] || undefined);
        checkHazards(plan, options.allowHazards);
      }
      if (options.signal?.aborted) throw new RefusedError('apply.interrupted', `interrupted (${interruptName(options.signal)}) before anything ran: nothing was changed`);
      if (plan.steps.length > 0) {
        execution = await executePlan(first, plan, {
          redact: declared,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onStepStart ? { onStepStart: options.onStepStart } : {}),
          ...(options.onStep ? { onStep: options.onStep } : {}),
        });
      }
    } catch (err) {
      // Refused or broken before or while running: release and close, then report the error.
      db = await release(first, target, lock, options.warn);
      await db?.close();
      throw err;
    }
    db = await release(first, target, lock, options.warn);

    const outcome: ApplyOutcome = !execution ? 'no-changes' : execution.stoppedBy === 'failure' ? 'failed' : execution.stoppedBy === 'interrupt' ? 'interrupted' : 'applied';
    let outputs: ObjectOutput[] = [];
    let validations: ValidationResult[] | undefined;
    if (db) {
      outputs = await readOutputs(db, desired, declaredIn(desired), options.warn);
      if (options.validate) validations = await validateConnections(db, validationTargets(execution?.steps ?? []), [...declared, ...planSecrets(plan)]);
      await db.close();
    }
    const report: ApplyReport = {
      outcome,
      steps: execution?.steps ?? [],
      warnings: plan.warnings.filter((w) => w.startsWith('--target')),
      outputs,
      ...(validations ? { validations } : {}),
    };
    return { plan, report };
  } finally {
    if (!options.sharedTarget) await target.close();
  }
}

/** Connections whose definition this run created or changed: what --validate checks. */
export function validationTargets(steps: readonly StepResult[]): ObjectName[] {
  const seen = new Map<string, ObjectName>();
  for (const s of steps) {
    if (s.status !== 'done' || s.objectKind !== 'connection') continue;
    if (s.action === 'create' || s.action === 'alter' || (s.action === 'replace' && s.phase === 'create')) seen.set(nameKey(s.name), s.name);
  }
  return [...seen.values()];
}

function targetSelector(desired: DesiredState, targets: readonly string[]) {
  return (changes: Parameters<typeof selectTargets>[0]) => {
    const selection = selectTargets(changes, desired, targets);
    return { changes: selection.changes, warnings: deferredWarning(selection.deferred) };
  };
}

/**
 * Reads a saved plan (`plan --out`). Its statements are only shown: apply
 * plans again from the manifest it names and runs that plan if it is the
 * same (src/apply/verify-saved-plan.ts). Nothing in the file is a source of
 * secret values.
 */
export function loadSavedPlan(file: string): LoadedPlanFile & { saved: SavedPlanContext } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('plan-file.unreadable', `cannot read the plan ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const loaded = readPlanFile(text, file);
  if (!loaded.saved) {
    throw new InputError('plan-file.not-saved', `${file} is not a saved plan (no "saved" member): only a plan written by mzform plan --out can be applied`, {
      hint: 'Save the plan with mzform plan -f materialize.yaml --out plan.json.',
    });
  }
  return { ...loaded, saved: loaded.saved };
}

function declaredIn(desired: DesiredState): (name: ObjectName) => boolean {
  const names = new Set(desired.objects.map((o) => nameKey(o.name)));
  return (name) => names.has(nameKey(name));
}

/**
 * Releases the lock, over a new connection if the old one dropped (the
 * fault that leaves a lock behind most often). Returns a connection that
 * works, or nothing when the server cannot be reached.
 */
async function release(db: Database, target: ApplyTarget, lock: HeldLock, warn: ((line: string) => void) | undefined): Promise<Database | undefined> {
  // The overall limit is for the work; releasing the lock and reading the outputs still get their statement timeout.
  db.setDeadline?.(undefined);
  try {
    await releaseLock(db, lock);
    return db;
  } catch {
    await db.close();
  }
  let fresh: Database | undefined;
  try {
    fresh = await target.connect();
    await releaseLock(fresh, lock);
    return fresh;
  } catch (err) {
    warn?.(
      `could not release the apply lock held by ${describeHolder(lock.holder)}: ${err instanceof Error ? err.message : String(err)}. ` +
        `Once the server is reachable, clear it with: mzform force-unlock ${lock.holder.runId}`,
    );
    await fresh?.close();
    return undefined;
  }
}

async function readOutputs(
  db: Database,
  desired: DesiredState,
  include: (name: ObjectName) => boolean,
  warn: ((line: string) => void) | undefined,
): Promise<ObjectOutput[]> {
  try {
    const actual: ActualState = await loadActual(db, desired);
    return collectOutputs(actual, include);
  } catch (err) {
    warn?.(`could not read the outputs: ${err instanceof Error ? err.message : String(err)}; run mzform outputs later`);
    return [];
  }
}

