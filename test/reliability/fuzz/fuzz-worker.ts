import { parentPort, workerData } from 'node:worker_threads';
import { loadCampaign, type CampaignName } from './campaign.js';

/**
 * Runs inputs `from` .. `to - 1` of a campaign and tells the parent before
 * each one, so the parent can stop a worker stuck on one input and name it.
 */
interface Job {
  readonly campaign: CampaignName;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'start'; readonly index: number }
  | { readonly type: 'done'; readonly index: number; readonly outcome: string; readonly ms: number }
  | { readonly type: 'failure'; readonly index: number; readonly error: string }
  | { readonly type: 'finished' };

const job = workerData as Job;
const port = parentPort!;
const c = loadCampaign(job.campaign);
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
for (let index = job.from; index < job.to; index++) {
  const { text } = c.input(job.seed, index);
  port.postMessage({ type: 'start', index } satisfies WorkerMessage);
  const started = performance.now();
  try {
    const outcome = c.run(text);
    port.postMessage({ type: 'done', index, outcome, ms: performance.now() - started } satisfies WorkerMessage);
  } catch (error) {
    const described = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    port.postMessage({ type: 'failure', index, error: described } satisfies WorkerMessage);
  }
}
port.postMessage({ type: 'finished' } satisfies WorkerMessage);
