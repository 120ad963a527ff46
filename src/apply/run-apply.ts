import { readFileSync } from 'node:fs';
import { introspect } from '../catalog/index.js';
import type { Database } from '../db/index.js';
import { InputError, RefusedError } from '../errors.js';
import { resolveSecretValue } from '../manifest/secret-values.js';
import { createValueResolver } from '../manifest/value-resolver.js';
import { type ActualState, type DesiredState, type ObjectName, nameKey } from '../model/index.js';
import { loadActual, loadDesired, planChanges } from '../pipeline/index.js';
import { type HazardCode, type Plan, deserializePlan } from '../plan/index.js';
import { executePlan, planSecrets } from './execute.js';
import { checkHazards } from './hazard-gate.js';
import { type HeldLock, type LockHolder, type LockLocation, acquireLock, describeHolder, releaseLock } from './lock.js';
import { collectOutputs, validateConnections } from './outputs.js';
import type { ApplyOutcome, ApplyReport, ObjectOutput, StepResult, ValidationResult } from './report.js';
import { staleObjects, stalePlanError } from './stale-check.js';
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
  /** Ctrl-C: stop between statements, release the lock, report. */
  readonly signal?: AbortSignal;
  readonly onStep?: (result: StepResult) => void;
  /** Notes for stderr (a lock that could not be released). */
  readonly warn?: (line: string) => void;
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
  const desired = options.input.kind === 'manifest' ? await loadDesired(options.input.file, options.env, { environment: options.environment }) : undefined;
  const saved = options.input.kind === 'plan-file' ? loadSavedPlan(options.input.file, options.env) : undefined;
  if (saved) {
    // A saved plan is known before connecting: refuse its hazards without touching the server.
    options.showPlan?.(saved);
    checkHazards(saved, options.allowHazards);
  }

  const target = await openApplyTarget(options);
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
    try {
      if (desired) {
        const actual = await loadActual(first, desired);
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
        plan = saved as Plan;
        const stale = staleObjects(plan, await introspect(first, { inScope: inSchemasOf(plan) }));
        if (stale.length > 0) throw stalePlanError(stale, true);
      }
      if (options.signal?.aborted) throw new RefusedError('apply.interrupted', 'interrupted (Ctrl-C) before anything ran: nothing was changed');
      if (plan.steps.length > 0) {
        execution = await executePlan(first, plan, { ...(options.signal ? { signal: options.signal } : {}), ...(options.onStep ? { onStep: options.onStep } : {}) });
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
      outputs = await readOutputs(db, desired, plan, desired ? declaredIn(desired) : inSchemasOf(plan), options.warn);
      if (options.validate) validations = await validateConnections(db, validationTargets(execution?.steps ?? []), planSecrets(plan));
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
    await target.close();
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

/** Re-resolves each secret statement's value from its recorded source (`env:NAME`, `file:path`), never from the plan file. */
export function loadSavedPlan(file: string, env: Readonly<Record<string, string | undefined>>): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('plan-file.unreadable', `cannot read the plan ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return deserializePlan(text, file, (source, target) => {
    // The same reader as the manifest loader (regular files only, size limit, BOM, UTF-8). A plan file does not
    // record the manifest's directory, so relative paths are taken from the working directory here.
    const resolved = resolveSecretValue(`\${${source}}`, createValueResolver({ env, baseDir: process.cwd() }));
    if ('problem' in resolved) throw new InputError('plan-file.secret', `${file}: the value of secret ${target.schema}.${target.name} (${source}): ${resolved.problem}`);
    return resolved.value;
  });
}

/** The schemas a saved plan acts on: its scope, as far as a plan file records it. */
function inSchemasOf(plan: Plan): (name: ObjectName) => boolean {
  const schemas = new Set([...plan.steps.map((s) => s.name), ...plan.unmanaged.map((u) => u.name)].map((n) => JSON.stringify([n.database, n.schema])));
  return (name) => schemas.has(JSON.stringify([name.database, name.schema]));
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
  desired: DesiredState | undefined,
  plan: Plan,
  include: (name: ObjectName) => boolean,
  warn: ((line: string) => void) | undefined,
): Promise<ObjectOutput[]> {
  try {
    const actual: ActualState = desired ? await loadActual(db, desired) : await introspect(db, { inScope: inSchemasOf(plan) });
    return collectOutputs(actual, include);
  } catch (err) {
    warn?.(`could not read the outputs: ${err instanceof Error ? err.message : String(err)}; run mzform outputs later`);
    return [];
  }
}
