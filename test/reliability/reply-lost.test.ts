import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { MzformError } from '../../src/errors.js';
import { renderPlanText } from '../../src/output/index.js';
import { HAZARD_CODES, type HazardCode } from '../../src/plan/index.js';
import { clearLock, lockHeld } from './apply/lock-held.js';
import { SECRET, apply, planAgainst, prepareContainers, prepareUpstream, reset } from '../integration/apply/common.js';
import type { Scenario } from './apply/scenarios.js';

/**
 * The statement succeeds on the server and its reply is lost (the network
 * fails after the commit): for every statement a clean apply sends (lock,
 * introspection, each DDL statement, the release, the outputs), the server
 * runs it and drops the connection without answering. The apply ends with
 * a typed error or a failed step, never a crash; the lock is released or,
 * if the lost reply was the release itself, gone; and the next apply
 * converges to "No changes".
 */
const SCENARIOS: readonly Scenario[] = [
  { name: 'msk-privatelink.yaml from empty', after: 'examples/msk-privatelink.yaml' },
  { name: 'update: alter, cascading replace, prune, create', before: 'test/fixtures/reliability/stack-before.yaml', after: 'test/fixtures/reliability/stack-after.yaml' },
];
const allHazards = new Set(Object.keys(HAZARD_CODES) as HazardCode[]);
const counts = { cases: 0, failedSteps: 0, errors: 0, applied: 0 };

describe('a lost reply after a statement that ran', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    await prepareContainers(emulator.url, SCENARIOS.flatMap((s) => [s.after, ...(s.before ? [s.before] : [])]));
  });
  afterAll(async () => {
    await emulator?.stop();
    console.log(`reply lost: ${counts.cases} statements ran with their reply lost (${counts.failedSteps} stopped a step, ${counts.errors} ended in a typed error, ${counts.applied} went unnoticed); all converged with the lock released`);
  });


  async function startState(s: Scenario): Promise<void> {
    await clearLock(emulator.url);
    await reset(emulator.url, s.after);
    await prepareUpstream(emulator.url, s.after);
    if (s.before) expect((await apply(emulator.url, s.before, { allowHazards: allHazards })).report.outcome).toBe('applied');
  }

  it.each(SCENARIOS)('$name', async (scenario) => {
    await startState(scenario);
    emulator.control.resetCounters();
    expect((await apply(emulator.url, scenario.after, { allowHazards: allHazards })).report.outcome).toBe('applied');
    const total = emulator.control.statementCount();

    for (let i = 0; i < total; i++) {
      const label = `${scenario.name}, reply lost after statement ${i + 1} of ${total}`;
      await startState(scenario);
      emulator.control.injectFault({ kind: 'lose-reply-after', statements: i });
      try {
        const { report } = await apply(emulator.url, scenario.after, { allowHazards: allHazards });
        expect(JSON.stringify(report), label).not.toContain(SECRET);
        if (report.outcome === 'failed') counts.failedSteps++;
        else counts.applied++;
      } catch (error) {
        expect(error, label).toBeInstanceOf(MzformError);
        counts.errors++;
      }
      emulator.control.clearFaults();
      expect(await lockHeld(emulator.url), `${label}: the lock was released`).toBe(false);
      const again = await apply(emulator.url, scenario.after, { allowHazards: allHazards });
      expect(['applied', 'no-changes'], label).toContain(again.report.outcome);
      expect(renderPlanText(await planAgainst(emulator.url, scenario.after)), label).toBe('No changes.\n');
      counts.cases++;
    }
  }, 600_000);
});
