import { describe, expect, it } from 'vitest';
import { formatFailure, runCampaign } from './fuzz/run-campaign.js';
import { fuzzInputs, fuzzSeed } from './fuzz/settings.js';

/**
 * Mutated real statements (documentation, observed server output, mzform's
 * own renders): each must end in a model or a SqlParseError positioned inside
 * the input. Never another exception, never more than the time limit.
 */
const SEED = fuzzSeed();
const INPUTS = fuzzInputs(20_000);

describe('create_sql fuzzing', () => {
  it(`${INPUTS} mutated statements end in a model or a positioned parse error (seed ${SEED})`, async () => {
    const result = await runCampaign({ campaign: 'create-sql', seed: SEED, inputs: INPUTS, perInputLimitMs: 5_000 });
    console.log(`create_sql fuzz: ${result.tried} inputs, ${JSON.stringify(result.outcomes)}, slowest ${result.slowestMs.toFixed(0)} ms (input ${result.slowestIndex})`);
    expect(result.failures.map((f) => formatFailure('create-sql', SEED, f))).toEqual([]);
    expect(result.tried).toBe(INPUTS);
    expect(result.outcomes.model ?? 0).toBeGreaterThan(INPUTS / 50);
  }, 240_000);
});
