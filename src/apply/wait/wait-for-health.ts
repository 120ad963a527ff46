import { readHealth } from '../../catalog/index.js';
import type { Database } from '../../db/index.js';
import { type ObjectHealth, type WatchTarget, evaluateHealth, overallVerdict, tunnelHealth } from '../../health/index.js';
import { compareNames } from '../../model/index.js';
import { validateConnections } from '../outputs.js';

/** healthy: all ready; unhealthy: one failed (the wait stops at once); timeout; interrupted: Ctrl-C. */
export type WaitOutcome = 'healthy' | 'unhealthy' | 'timeout' | 'interrupted';

export interface WaitResult {
  readonly outcome: WaitOutcome;
  /** The last health read. */
  readonly health: readonly ObjectHealth[];
  readonly elapsedMs: number;
}

export interface WaitOptions {
  readonly timeoutMs: number;
  /** Between health reads; default 1 s. */
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
  /** Values removed from Materialize's error texts. */
  readonly secrets: readonly string[];
  /** After every read: the progress display. */
  readonly onHealth?: (health: readonly ObjectHealth[], elapsedMs: number) => void;
  readonly clock?: () => number;
}

export const DEFAULT_POLL_MS = 1000;

/**
 * Reads the targets' health until every one is healthy, one is unhealthy,
 * the timeout passes or the signal fires. Each read is three queries (plus
 * one VALIDATE CONNECTION per SSH tunnel not yet validated).
 */
export async function waitForHealth(db: Database, targets: readonly WatchTarget[], options: WaitOptions): Promise<WaitResult> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const validated = new Set<string>();
  for (;;) {
    const health = await probe(db, targets, options.secrets, validated);
    const elapsedMs = clock() - started;
    options.onHealth?.(health, elapsedMs);
    const verdict = overallVerdict(health);
    if (verdict === 'healthy') return { outcome: 'healthy', health, elapsedMs };
    if (verdict === 'unhealthy') return { outcome: 'unhealthy', health, elapsedMs };
    if (options.signal?.aborted) return { outcome: 'interrupted', health, elapsedMs };
    const remaining = options.timeoutMs - elapsedMs;
    if (remaining <= 0) return { outcome: 'timeout', health, elapsedMs };
    await sleep(Math.min(options.pollMs ?? DEFAULT_POLL_MS, remaining), options.signal);
    if (options.signal?.aborted) return { outcome: 'interrupted', health, elapsedMs: clock() - started };
  }
}

async function probe(db: Database, targets: readonly WatchTarget[], secrets: readonly string[], validated: Set<string>): Promise<ObjectHealth[]> {
  const tunnels = targets.filter((t) => t.kind === 'ssh-tunnel');
  const others = targets.filter((t) => t.kind !== 'ssh-tunnel');
  const health = others.length > 0 ? evaluateHealth(others, await readHealth(db, secrets)) : [];
  const pending = tunnels.filter((t) => !validated.has(JSON.stringify(t.name)));
  const results = await validateConnections(db, pending.map((t) => t.name), secrets);
  for (const r of results) if (r.ok) validated.add(JSON.stringify(r.name));
  for (const t of tunnels) {
    const result = results.find((r) => compareNames(r.name, t.name) === 0);
    health.push(tunnelHealth(t.name, result ?? { ok: true }));
  }
  return health.sort((a, b) => compareNames(a.name, b.name));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
