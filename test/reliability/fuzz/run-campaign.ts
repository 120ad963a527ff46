import { Worker } from 'node:worker_threads';
import { loadCampaign, type CampaignName } from './campaign.js';
import type { WorkerMessage } from './fuzz-worker.js';

export interface CampaignOptions {
  readonly campaign: CampaignName;
  readonly seed: number;
  /** At most this many inputs, 0 .. inputs - 1. */
  readonly inputs: number;
  /**
   * An input still running after this long is suspect: it runs again alone
   * with `hangConfirmFactor` times the limit, and only then is it a hang (a
   * loaded machine can make a slow input miss a wall-clock limit once).
   */
  readonly perInputLimitMs: number;
  readonly hangConfirmFactor?: number;
  /** Stop after this many failures (the first few are what one needs to fix). */
  readonly maxFailures?: number;
  /**
   * A time bound: once this much time has passed and at least `minInputs`
   * were tried, no further input starts. Inputs run in index order, so a
   * shorter run is a prefix of the full one.
   */
  readonly timeBudgetMs?: number;
  readonly minInputs?: number;
}

export interface Failure {
  readonly index: number;
  readonly kind: 'exception' | 'hang' | 'worker-crash';
  readonly error: string;
  /** The mutations applied, and the start of the input, to reproduce it. */
  readonly steps: readonly string[];
  readonly excerpt: string;
}

export interface CampaignResult {
  readonly tried: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly failures: readonly Failure[];
  readonly slowestMs: number;
  readonly slowestIndex: number;
  /** Inputs that missed the first limit and finished within the confirming one. */
  readonly slowButFinished: number;
  readonly elapsedMs: number;
}

/** How a worker's run over a span of inputs ended. */
type SpanEnd = { readonly kind: 'finished' } | { readonly kind: 'stopped'; readonly resumeAt: number } | { readonly kind: 'timed-out'; readonly index: number };

/**
 * Runs a campaign in a worker thread under a watchdog. A synchronous parser
 * stuck in a loop cannot be interrupted from its own thread, so the inputs run
 * in a worker; a worker that stays on one input past the limit is terminated,
 * the input is tried again alone with a longer limit, and a new worker
 * carries on after it. The thread that runs the test only receives messages,
 * so its event loop (and vitest's RPC with it) stays responsive.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const local = loadCampaign(options.campaign);
  const outcomes: Record<string, number> = {};
  const failures: Failure[] = [];
  const maxFailures = options.maxFailures ?? 5;
  const started = performance.now();
  const deadline = options.timeBudgetMs === undefined ? Infinity : started + options.timeBudgetMs;
  const minInputs = Math.min(options.minInputs ?? options.inputs, options.inputs);
  let slowestMs = 0;
  let slowestIndex = -1;
  let slowButFinished = 0;
  let tried = 0;
  let next = 0;

  const describe = (index: number, kind: Failure['kind'], error: string): Failure => {
    const { text, steps } = local.input(options.seed, index);
    return { index, kind, error, steps, excerpt: JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text) };
  };
  const outOfTime = () => tried >= minInputs && performance.now() > deadline;

  /** Runs inputs from .. to - 1 in one worker until they end, one times out, or the time or failure bound stops it. */
  const runSpan = (from: number, to: number, limitMs: number): Promise<SpanEnd> =>
    new Promise<SpanEnd>((resolve) => {
      const worker = new Worker(new URL('./fuzz-worker-boot.mjs', import.meta.url), {
        workerData: { campaign: options.campaign, seed: options.seed, from, to },
      });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (end: SpanEnd) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(end);
      };
      const crashed = (error: string) => {
        if (settled) return;
        failures.push(describe(current, 'worker-crash', error));
        tried++;
        finish({ kind: 'stopped', resumeAt: current + 1 });
      };
      worker.on('message', (m: WorkerMessage) => {
        switch (m.type) {
          case 'ready':
            return;
          case 'start':
            current = m.index;
            clearTimeout(timer);
            timer = setTimeout(() => finish({ kind: 'timed-out', index: current }), limitMs);
            return;
          case 'done':
            clearTimeout(timer);
            tried++;
            outcomes[m.outcome] = (outcomes[m.outcome] ?? 0) + 1;
            if (m.ms > slowestMs) {
              slowestMs = m.ms;
              slowestIndex = m.index;
            }
            if (outOfTime()) finish({ kind: 'stopped', resumeAt: to });
            return;
          case 'failure':
            clearTimeout(timer);
            tried++;
            failures.push(describe(m.index, 'exception', m.error));
            if (failures.length >= maxFailures || outOfTime()) finish({ kind: 'stopped', resumeAt: to });
            return;
          case 'finished':
            finish({ kind: 'finished' });
            return;
        }
      });
      worker.on('error', (error) => crashed(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
      worker.on('exit', (code) => crashed(`the worker exited with code ${code}`));
    });

  const confirmLimitMs = options.perInputLimitMs * (options.hangConfirmFactor ?? 6);
  while (next < options.inputs && failures.length < maxFailures && !outOfTime()) {
    const end = await runSpan(next, options.inputs, options.perInputLimitMs);
    if (end.kind === 'finished') break;
    if (end.kind === 'stopped') {
      next = end.resumeAt;
      continue;
    }
    // Again, alone, with a longer limit: a hang only if it misses that too.
    const triedBefore = tried;
    const again = await runSpan(end.index, end.index + 1, confirmLimitMs);
    if (again.kind === 'timed-out') {
      failures.push(describe(end.index, 'hang', `no result within ${options.perInputLimitMs} ms, nor within ${confirmLimitMs} ms when run again alone`));
      tried++;
    } else if (tried > triedBefore) {
      slowButFinished++;
    }
    next = end.index + 1;
  }
  return { tried, outcomes, failures, slowestMs, slowestIndex, slowButFinished, elapsedMs: performance.now() - started };
}

/** A failure as one readable block: enough to regenerate the input (seed, index) and see why it failed. */
export function formatFailure(campaign: CampaignName, seed: number, f: Failure): string {
  return [`${campaign} seed ${seed} input ${f.index} (${f.kind}) after ${f.steps.join(' ')}`, `  ${f.error.split('\n').slice(0, 8).join('\n  ')}`, `  input: ${f.excerpt}`].join('\n');
}
