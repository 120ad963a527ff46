import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_LOCATION, type ApplyResult } from '../../src/apply/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { RefusedError } from '../../src/errors.js';
import { renderPlanText } from '../../src/output/index.js';
import { HAZARD_CODES, type HazardCode } from '../../src/plan/index.js';
import { apply, holder, planAgainst, prepareContainers, prepareUpstream, reset } from '../integration/apply/common.js';

/**
 * Twenty applies started at the same instant, each on its own connection,
 * with a little latency per statement so that they overlap: exactly one takes
 * the lock and runs, the nineteen others are refused naming that one, and
 * the catalog ends as the manifest says. Run from empty and again over an
 * existing state (an update with a replace and a prune).
 */
const APPLIES = 20;
const ROUNDS = [
  { name: 'from empty', before: undefined, after: 'examples/msk-privatelink.yaml' },
  { name: 'an update over an existing state', before: 'test/fixtures/reliability/stack-before.yaml', after: 'test/fixtures/reliability/stack-after.yaml' },
] as const;
const allowAll = new Set(Object.keys(HAZARD_CODES) as HazardCode[]);

describe('concurrent applies', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    await prepareContainers(emulator.url, ROUNDS.flatMap((r) => [r.after, ...(r.before ? [r.before] : [])]));
  });
  afterAll(() => emulator?.stop());

  it.each(ROUNDS)(`${APPLIES} at once, $name: one runs, the others are refused naming it`, async ({ before, after }) => {
    await reset(emulator.url, after);
    await prepareUpstream(emulator.url, after);
    if (before) expect((await apply(emulator.url, before, { allowHazards: allowAll })).report.outcome).toBe('applied');
    emulator.control.injectFault({ kind: 'latency', ms: 15 });
    const results = await Promise.allSettled(
      Array.from({ length: APPLIES }, (_, i) =>
        apply(emulator.url, after, { allowHazards: allowAll, lock: { location: DEFAULT_LOCK_LOCATION, holder: holder(`runner-${i}@ci`), timeoutMs: 0 } }),
      ),
    );
    emulator.control.clearFaults();

    const ran = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ i, result: r.value as ApplyResult }] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(ran.map((r) => r.result.report.outcome)).toEqual(['applied']);
    expect(refused).toHaveLength(APPLIES - 1);
    const winner = `runner-${ran[0]!.i}@ci`;
    for (const error of refused) {
      expect(error).toBeInstanceOf(RefusedError);
      expect((error as RefusedError).code).toBe('apply.locked');
      expect((error as RefusedError).message).toContain(`held by ${winner} `);
    }
    expect(renderPlanText(await planAgainst(emulator.url, after))).toBe('No changes.\n');
  });
});
