import { describe, expect, it } from 'vitest';
import { runCampaign } from './fuzz/run-campaign.js';

/**
 * The fuzz harness tells a hang from a slow input: an input that misses the
 * limit once (as any input can on a loaded machine) runs again alone with a
 * longer limit and counts if it finishes; one that never ends is a hang.
 */
describe('the fuzz watchdog', () => {
  it('reports the input that never ends, and only that one', async () => {
    const result = await runCampaign({ campaign: 'watchdog-check', seed: 1, inputs: 5, perInputLimitMs: 100, hangConfirmFactor: 50 });
    expect(result.failures.map((f) => [f.index, f.kind])).toEqual([[3, 'hang']]);
    expect(result.outcomes).toEqual({ quick: 3, slow: 1 });
    expect(result.slowButFinished).toBe(1);
    expect(result.tried).toBe(5);
  });

  it('stops at the time budget, after at least the floor of inputs', async () => {
    const result = await runCampaign({ campaign: 'watchdog-check', seed: 1, inputs: 3, perInputLimitMs: 5_000, timeBudgetMs: 0, minInputs: 2 });
    expect(result.failures).toEqual([]);
    expect(result.tried).toBe(2);
  });
});
