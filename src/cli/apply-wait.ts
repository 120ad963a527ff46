import {
  type ApplyOptions,
  type ApplyResult,
  type ProgressWriter,
  type StepProgressWriter,
  type RolloutPhase,
  type WaitResult,
  formatElapsed,
  progressWriter,
  renderApplyMarkdown,
  renderApplyText,
  runRollout,
  toApplyReportJson,
} from '../apply/index.js';
import { NotHealthyError, RuntimeError } from '../errors.js';
import { type ObjectHealth, renderStatusMarkdown, renderStatusText, toStatusJson } from '../health/index.js';
import { displayName } from '../model/index.js';
import { toPlanFile } from '../plan/index.js';

export interface ApplyWaitSettings {
  readonly format: 'text' | 'markdown' | 'json';
  readonly timeoutMs: number;
  readonly pollMs?: number;
  /** Where progress goes (stderr). */
  readonly progress: { write(text: string): void; readonly isTTY?: boolean; readonly columns?: number };
  readonly log: (line: string) => void;
  /** The step lines of each apply (text format). */
  readonly steps?: StepProgressWriter;
}

const PHASE_TITLE: Record<RolloutPhase, string> = {
  gates: 'Phase 1 of 2: SSH tunnels and PrivateLink connections',
  rest: 'Phase 2 of 2: everything that goes through them',
  all: '',
};

/**
 * `mzform apply --wait`: the rollout (two phases when tunnels or PrivateLink
 * connections are not ready), each apply's report as it ends, progress on
 * stderr while waiting, then the health of what was waited for on stdout.
 * Exit: 0 healthy; 5 applied but not healthy (unhealthy, or not within
 * --wait-timeout); 1 a statement failed or Ctrl-C.
 */
export async function applyAndWait(options: ApplyOptions, settings: ApplyWaitSettings): Promise<Record<string, unknown>> {
  let writer: ProgressWriter | undefined;
  const json: Record<string, unknown>[] = [];
  const result = await runRollout({
    ...options,
    onPhaseStart: (phase) => {
      if (settings.format !== 'json' && PHASE_TITLE[phase]) process.stdout.write(`${PHASE_TITLE[phase]}\n\n`);
    },
    onPhase: (phase, r) => {
      if (settings.format === 'json') json.push({ phase, plan: toPlanFile(r.plan), apply: toApplyReportJson(r.report) });
      else {
        settings.steps?.finish();
        const elapsedMs = settings.steps?.elapsedMs;
        process.stdout.write(settings.format === 'markdown' ? renderApplyMarkdown(r.report) : renderApplyText(r.report, elapsedMs !== undefined ? { elapsedMs } : {}));
      }
    },
    wait: {
      timeoutMs: settings.timeoutMs,
      ...(settings.pollMs !== undefined ? { pollMs: settings.pollMs } : {}),
      onStart: (phase, targets, timeoutMs) => {
        const what = phase === 'gates' ? 'the far side of the tunnels and PrivateLink connections' : 'what the apply made to be healthy';
        settings.log(`Waiting up to ${formatElapsed(timeoutMs)} for ${what}: ${targets.map((t) => displayName(t.name)).join(', ')}`);
        writer = progressWriter(settings.progress, { timeoutMs });
      },
      onHealth: (health, elapsedMs) => writer?.update(health, elapsedMs),
      onEnd: () => writer?.finish(),
    },
  });

  const last = result.phases[result.phases.length - 1]?.result;
  if (last) failOnApply(last);
  const stopped = result.wait ?? result.gateWait;
  if (settings.format === 'json') {
    process.stdout.write(`${JSON.stringify({ phases: json, wait: stopped ? waitJson(stopped) : null }, null, 2)}\n`);
  } else if (stopped && stopped.health.length > 0) {
    process.stdout.write(settings.format === 'markdown' ? renderStatusMarkdown(stopped.health) : `\n${renderStatusText(stopped.health)}`);
  }
  if (stopped) failOnWait(stopped, result.wait === undefined);
  return { phases: json };
}

function waitJson(w: WaitResult) {
  return { outcome: w.outcome, elapsed_ms: w.elapsedMs, health: toStatusJson(w.health) };
}

function failOnApply(r: ApplyResult): void {
  const failed = r.report.steps.find((s) => s.status === 'failed');
  if (r.report.outcome === 'failed' && failed) {
    throw new RuntimeError('apply.failed', `apply failed at step ${failed.id} (${failed.action} ${failed.objectKind} ${displayName(failed.name)}): ${failed.error?.message ?? 'unknown error'}`, {
      hint: 'Fix the cause and run the same command again: it plans from what is in the catalog now.',
    });
  }
  if (r.report.outcome === 'interrupted') throw new RuntimeError('apply.interrupted', 'apply interrupted by Ctrl-C; the steps not run are counted above');
}

const RESUME = 'Run the same command again to resume: it applies only what is still missing and waits again for what is not healthy.';

function failOnWait(w: WaitResult, atGates: boolean): void {
  const waiting = w.health.filter((o) => o.verdict !== 'healthy');
  const rest = atGates ? ' The objects that go through them were not created yet.' : '';
  switch (w.outcome) {
    case 'healthy':
      return;
    case 'unhealthy': {
      const bad = w.health.filter((o) => o.verdict === 'unhealthy');
      throw new NotHealthyError('apply.unhealthy', `applied, but not healthy: ${bad.map(describeProblem).join('; ')}${rest}`, {
        hint: `Fix the cause upstream (or in the manifest). ${RESUME}`,
      });
    }
    case 'timeout':
      throw new NotHealthyError('apply.wait-timeout', `applied, but not healthy within the wait timeout: ${waiting.map(describeProblem).join('; ')}${rest}`, { hint: RESUME });
    case 'interrupted':
      throw new RuntimeError('apply.wait-interrupted', `wait interrupted by Ctrl-C: ${waiting.map(describeProblem).join('; ')}${rest}`, { hint: RESUME });
  }
}

function describeProblem(o: ObjectHealth): string {
  const status = o.status ?? o.verdict;
  return `${displayName(o.name)} ${status}${o.error ? `: ${o.error}` : o.note && o.note !== status ? ` (${o.note})` : ''}`;
}
