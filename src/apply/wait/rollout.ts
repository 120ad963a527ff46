import type { ObjectHealth, WatchTarget } from '../../health/index.js';
import { compareNames, nameKey } from '../../model/index.js';
import { declaredSecretValues, loadDesired } from '../../pipeline/index.js';
import { type ApplyOptions, type ApplyResult, runApply } from '../run-apply.js';
import { type ApplyTarget, openApplyTarget } from '../target-connection.js';
import { type WaitResult, waitForHealth } from './wait-for-health.js';
import { gateConnections, gateTargetNames, watchTargets } from './watch-targets.js';

/** gates: the tunnels and PrivateLink connections alone; rest: everything after them; all: one apply, no gate to wait for. */
export type RolloutPhase = 'gates' | 'rest' | 'all';

export interface RolloutOptions extends ApplyOptions {
  readonly wait: {
    /** For all the waiting of the run together. */
    readonly timeoutMs: number;
    readonly pollMs?: number;
    /** A wait begins: what for (the gates, or what the apply made). */
    readonly onStart?: (phase: 'gates' | 'objects', targets: readonly WatchTarget[], timeoutMs: number) => void;
    readonly onHealth?: (health: readonly ObjectHealth[], elapsedMs: number) => void;
    readonly onEnd?: (result: WaitResult) => void;
  };
  /** An apply begins (before its plan is shown). */
  readonly onPhaseStart?: (phase: RolloutPhase) => void;
  /** Each apply as it ends, so its report (keys, principals) is shown before the wait. */
  readonly onPhase?: (phase: RolloutPhase, result: ApplyResult) => void;
}

export interface RolloutResult {
  readonly phases: readonly { readonly phase: RolloutPhase; readonly result: ApplyResult }[];
  /** Present when the run waited for tunnels or PrivateLink connections before the rest. */
  readonly gateWait?: WaitResult;
  /** The wait for what the apply made; absent when the run stopped before. */
  readonly wait?: WaitResult;
}

/**
 * `apply --wait`. With a manifest whose objects go through SSH tunnels or
 * PrivateLink connections that are not ready, two phases in one run:
 * 1. apply the tunnels and PrivateLink connections alone (their keys and
 *    principal are reported at once);
 * 2. wait until each tunnel passes VALIDATE CONNECTION and each PrivateLink
 *    connection is `available`;
 * 3. apply the rest, and wait until what it created or changed is healthy.
 * Every apply is a full one (plan, lock, gate, run): stopped by Ctrl-C or the
 * timeout, the same command run again plans only what is still missing, and
 * waits again for what is not healthy (see watchTargets): it resumes where
 * it stopped.
 */
export async function runRollout(options: RolloutOptions): Promise<RolloutResult> {
  const target: ApplyTarget = options.sharedTarget ?? (await openApplyTarget(options));
  const clock = Date.now;
  let waitedMs = 0;
  const phases: { phase: RolloutPhase; result: ApplyResult }[] = [];
  const shared: ApplyOptions = { ...options, sharedTarget: target };
  const ran = (phase: RolloutPhase, result: ApplyResult) => {
    phases.push({ phase, result });
    options.onPhase?.(phase, result);
    return result.report.outcome === 'applied' || result.report.outcome === 'no-changes';
  };
  const wait = async (phase: 'gates' | 'objects', targets: readonly WatchTarget[], secrets: readonly string[]): Promise<WaitResult> => {
    const timeoutMs = Math.max(0, options.wait.timeoutMs - waitedMs);
    options.wait.onStart?.(phase, targets, timeoutMs);
    const db = await target.connect();
    const started = clock();
    try {
      const result = await waitForHealth(db, targets, {
        timeoutMs,
        secrets,
        ...(options.wait.pollMs !== undefined ? { pollMs: options.wait.pollMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.wait.onHealth ? { onHealth: options.wait.onHealth } : {}),
      });
      options.wait.onEnd?.(result);
      return result;
    } finally {
      waitedMs += clock() - started;
      await db.close();
    }
  };

  try {
    const desired = options.input.kind === 'manifest' ? await loadDesired(options.input.file, options.env, { environment: options.environment }) : undefined;
    const secrets = desired ? declaredSecretValues(desired) : [];
    // An explicit --target is the user's own phasing: respected as it is.
    const gates = desired && !(options.targets && options.targets.length > 0) ? gateConnections(desired) : [];
    let gateWait: WaitResult | undefined;
    if (gates.length > 0 && !(await ready(target, gates, secrets))) {
      options.onPhaseStart?.('gates');
      if (!ran('gates', await runApply({ ...shared, targets: gateTargetNames(gates) }))) return { phases };
      gateWait = await wait('gates', gates, secrets);
      if (gateWait.outcome !== 'healthy') return { phases, gateWait };
    }
    options.onPhaseStart?.(gateWait ? 'rest' : 'all');
    const main = await runApply(shared);
    if (!ran(gateWait ? 'rest' : 'all', main)) return { phases, ...(gateWait ? { gateWait } : {}) };
    const targets = mergeTargets(watchTargets(main.report.steps, desired?.objects), gateWait ? gates.filter((g) => g.kind !== 'ssh-tunnel') : []);
    const result = targets.length > 0 ? await wait('objects', targets, secrets) : { outcome: 'healthy' as const, health: [], elapsedMs: 0 };
    return { phases, ...(gateWait ? { gateWait } : {}), wait: result };
  } finally {
    if (!options.sharedTarget) await target.close();
  }
}

/** One read without waiting: are the gates there and ready already? */
async function ready(target: ApplyTarget, gates: readonly WatchTarget[], secrets: readonly string[]): Promise<boolean> {
  const db = await target.connect();
  try {
    return (await waitForHealth(db, gates, { timeoutMs: 0, secrets })).outcome === 'healthy';
  } finally {
    await db.close();
  }
}

function mergeTargets(a: readonly WatchTarget[], b: readonly WatchTarget[]): WatchTarget[] {
  const byName = new Map<string, WatchTarget>();
  for (const t of [...a, ...b]) byName.set(nameKey(t.name), t);
  return [...byName.values()].sort((x, y) => compareNames(x.name, y.name));
}
