import { Worker } from 'node:worker_threads';
import { loadCampaign, type CampaignName } from './campaign.js';
import type { WorkerMessage } from './fuzz-worker.js';

export interface CampaignOptions {
  readonly campaign: CampaignName;
  readonly seed: number;
  readonly inputs: number;
  /** An input still running after this long is a hang: the worker is stopped and the input reported. */
  readonly perInputLimitMs: number;
  /** Stop after this many failures (the first few are what one needs to fix). */
  readonly maxFailures?: number;
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
}

/**
 * Runs a campaign in a worker thread under a watchdog. A synchronous parser
 * stuck in a loop cannot be interrupted from its own thread, so the inputs run
 * in a worker; a worker that stays on one input past the limit is terminated
 * and a new one carries on after that input.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const local = loadCampaign(options.campaign);
  const outcomes: Record<string, number> = {};
  const failures: Failure[] = [];
  const maxFailures = options.maxFailures ?? 5;
  let slowestMs = 0;
  let slowestIndex = -1;
  let tried = 0;
  let next = 0;

  const describe = (index: number, kind: Failure['kind'], error: string): Failure => {
    const { text, steps } = local.input(options.seed, index);
    return { index, kind, error, steps, excerpt: JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text) };
  };

  while (next < options.inputs && failures.length < maxFailures) {
    const from = next;
    next = await new Promise<number>((resolve) => {
      const worker = new Worker(new URL('./fuzz-worker-boot.mjs', import.meta.url), {
        workerData: { campaign: options.campaign, seed: options.seed, from, to: options.inputs },
      });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (resumeAt: number) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(resumeAt);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          failures.push(describe(current, 'hang', `no result within ${options.perInputLimitMs} ms`));
          tried++;
          finish(current + 1);
        }, options.perInputLimitMs);
      };
      worker.on('message', (m: WorkerMessage) => {
        switch (m.type) {
          case 'ready':
            return;
          case 'start':
            current = m.index;
            arm();
            return;
          case 'done':
            clearTimeout(timer);
            tried++;
            outcomes[m.outcome] = (outcomes[m.outcome] ?? 0) + 1;
            if (m.ms > slowestMs) {
              slowestMs = m.ms;
              slowestIndex = m.index;
            }
            return;
          case 'failure':
            clearTimeout(timer);
            tried++;
            failures.push(describe(m.index, 'exception', m.error));
            if (failures.length >= maxFailures) finish(options.inputs);
            return;
          case 'finished':
            finish(options.inputs);
            return;
        }
      });
      worker.on('error', (error) => {
        failures.push(describe(current, 'worker-crash', error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
        tried++;
        finish(current + 1);
      });
      worker.on('exit', (code) => {
        if (settled) return;
        failures.push(describe(current, 'worker-crash', `the worker exited with code ${code}`));
        tried++;
        finish(current + 1);
      });
    });
  }
  return { tried, outcomes, failures, slowestMs, slowestIndex };
}

/** A failure as one readable block: enough to regenerate the input (seed, index) and see why it failed. */
export function formatFailure(campaign: CampaignName, seed: number, f: Failure): string {
  return [`${campaign} seed ${seed} input ${f.index} (${f.kind}) after ${f.steps.join(' ')}`, `  ${f.error.split('\n').slice(0, 8).join('\n  ')}`, `  input: ${f.excerpt}`].join('\n');
}
