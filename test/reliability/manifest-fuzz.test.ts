import { describe, expect, it } from 'vitest';
import { formatFailure, runCampaign } from './fuzz/run-campaign.js';
import { fuzzInputs, fuzzSeed } from './fuzz/settings.js';

/**
 * Mutated example and invalid manifests (byte flips, deleted, duplicated and
 * swapped lines, swapped tokens, truncation, odd unicode, deep nesting): each
 * must end in a ManifestError whose every diagnostic has file:line:col inside
 * the input, or in a plan from empty that renders in every format without a
 * secret value and whose statements mzform reads back. Never an uncaught
 * exception, never more than the time limit on one input.
 */
const SEED = fuzzSeed();
const INPUTS = fuzzInputs(9_000);

describe('manifest fuzzing', () => {
  it(`${INPUTS} mutated manifests end in a positioned error or a valid plan (seed ${SEED})`, async () => {
    const result = await runCampaign({ campaign: 'manifest', seed: SEED, inputs: INPUTS, perInputLimitMs: 5_000 });
    console.log(`manifest fuzz: ${result.tried} inputs, ${JSON.stringify(result.outcomes)}, slowest ${result.slowestMs.toFixed(0)} ms (input ${result.slowestIndex})`);
    expect(result.failures.map((f) => formatFailure('manifest', SEED, f))).toEqual([]);
    expect(result.tried).toBe(INPUTS);
    // A fuzzer that only ever produces errors tests nothing past the YAML parser.
    expect(result.outcomes.plan ?? 0).toBeGreaterThan(INPUTS / 50);
  }, 240_000);
});
