import { describe, expect, it } from 'vitest';
import { formatFailure, runCampaign } from './fuzz/run-campaign.js';
import { fuzzBounds, fuzzSeed } from './fuzz/settings.js';

/**
 * Mutated real statements (documentation, observed server output, mzform's
 * own renders): each must end in a model or a SqlParseError positioned inside
 * the input. Never another exception, never more than the time limit.
 * Bounded by count and time (fuzz/settings.ts).
 */
const SEED = fuzzSeed();
// Budget: with the list-nesting limit of the parser removed, seed 20250101 first fails at input
// 3,047 (then 5,864 and 6,248), so the floor of 4,000 finds that regression even on a machine slow
// enough to reach the time budget; 8,000 finds it three times. More is for MZFORM_FUZZ_SCALE by hand.
const BOUNDS = fuzzBounds({ inputs: 8_000, timeBudgetMs: 45_000, minInputs: 4_000 });

describe('create_sql fuzzing', () => {
  it(`up to ${BOUNDS.inputs} mutated statements (at least ${BOUNDS.minInputs}) end in a model or a positioned parse error (seed ${SEED})`, async () => {
    const result = await runCampaign({ campaign: 'create-sql', seed: SEED, ...BOUNDS, perInputLimitMs: 5_000 });
    console.log(
      `create_sql fuzz: ${result.tried} inputs in ${(result.elapsedMs / 1000).toFixed(1)} s, ${JSON.stringify(result.outcomes)}, slowest ${result.slowestMs.toFixed(0)} ms (input ${result.slowestIndex}), ${result.slowButFinished} slow but finished`,
    );
    expect(result.failures.map((f) => formatFailure('create-sql', SEED, f))).toEqual([]);
    expect(result.tried).toBeGreaterThanOrEqual(BOUNDS.minInputs);
    expect(result.tried).toBeLessThanOrEqual(BOUNDS.inputs);
    expect(result.outcomes.model ?? 0).toBeGreaterThan(result.tried / 50);
  }, 300_000);
});
