import { type Database, DatabaseError, redact } from '../db/index.js';
import type { Plan, Step } from '../plan/index.js';
import { executableSql, type Statement } from '../sql/index.js';
import type { StepError, StepResult } from './report.js';
import { interruptName } from './interrupt.js';

/** Where a step stands in the run: its place (1-based) of `total`, and, once ended, how long it took. */
export interface StepProgress {
  readonly index: number;
  readonly total: number;
  /** Milliseconds from the step's first statement to its end (in StepEnded only). */
  readonly durationMs?: number;
}

/** Called when a step starts, and when it ends (done or failed): for the progress lines. */
export type StepStarted = (step: Step, progress: StepProgress) => void;
export type StepEnded = (result: StepResult, progress: StepProgress & { readonly durationMs: number }) => void;

export interface ExecuteOptions {
  /** Aborted by Ctrl-C: the statement under way finishes, nothing after it starts. */
  readonly signal?: AbortSignal;
  readonly onStepStart?: StepStarted;
  /** Called after each step that ran (done or failed), e.g. for progress lines. */
  readonly onStep?: StepEnded;
  /** More values to remove from server messages: every secret the manifest declares, not only those the plan sets. */
  readonly redact?: readonly string[];
}

export interface ExecuteResult {
  readonly steps: readonly StepResult[];
  readonly stoppedBy?: 'failure' | 'interrupt';
}

/**
 * Runs the plan's statements exactly as planned: one per round trip, in
 * autocommit (Materialize runs most DDL only alone), and stops at the first
 * failure. Every step comes back as done, failed or not run.
 *
 * The only place a plan's statements are turned into executable text, so
 * the only place a manifest's secret value leaves its wrapper (the lock and
 * VALIDATE CONNECTION run statements that carry none); errors are redacted of
 * every secret value in the plan, since Materialize echoes statements in errors.
 */
export async function executePlan(db: Database, plan: Plan, options: ExecuteOptions = {}): Promise<ExecuteResult> {
  const secrets = [...(options.redact ?? []), ...planSecrets(plan)];
  const results: StepResult[] = [];
  let stoppedBy: ExecuteResult['stoppedBy'];
  const total = plan.steps.length;
  for (const step of plan.steps) {
    if (stoppedBy === undefined && options.signal?.aborted) stoppedBy = 'interrupt';
    if (stoppedBy !== undefined) {
      results.push(result(step, 'not-run', 0));
      continue;
    }
    const index = results.length + 1;
    options.onStepStart?.(step, { index, total });
    const started = performance.now();
    let run = 0;
    let error: StepError | undefined;
    for (const statement of step.statements) {
      // Between statements too: a step half done is reported as failed, not hidden.
      if (run > 0 && options.signal?.aborted) {
        error = { message: `interrupted (${interruptName(options.signal)}) before the rest of this step ran`, connectionLost: false };
        break;
      }
      try {
        await db.execute(executableSql(statement), secrets);
        run++;
      } catch (err) {
        error = stepError(err, secrets);
        break;
      }
    }
    const r = error === undefined ? result(step, 'done', run) : { ...result(step, 'failed', run), error };
    results.push(r);
    options.onStep?.(r, { index, total, durationMs: performance.now() - started });
    if (error !== undefined) stoppedBy = error.message.startsWith('interrupted') ? 'interrupt' : 'failure';
  }
  return { steps: results, ...(stoppedBy ? { stoppedBy } : {}) };
}

/** Every secret value the plan carries, for redaction. Revealed only to be removed from server messages. */
export function planSecrets(plan: Plan): string[] {
  return plan.steps.flatMap((s) => s.statements.flatMap((st: Statement) => (st.secret ? [st.secret.reveal()] : [])));
}

function result(step: Step, status: StepResult['status'], run: number): StepResult {
  return {
    id: step.id,
    action: step.action,
    ...(step.phase ? { phase: step.phase } : {}),
    objectKind: step.objectKind,
    name: step.name,
    status,
    statementsRun: run,
    statementsTotal: step.statements.length,
  };
}

function stepError(err: unknown, secrets: readonly string[]): StepError {
  if (err instanceof DatabaseError) {
    // The db layer redacts already; redacting again costs nothing and guards every field.
    return {
      message: redact(err.message, secrets),
      ...(err.sqlstate ? { sqlstate: err.sqlstate } : {}),
      ...(err.detail ? { detail: redact(err.detail, secrets) } : {}),
      ...(err.hint ? { hint: redact(err.hint, secrets) } : {}),
      connectionLost: err.code === 'db.connection-lost',
    };
  }
  return { message: redact(err instanceof Error ? err.message : String(err), secrets), connectionLost: false };
}
