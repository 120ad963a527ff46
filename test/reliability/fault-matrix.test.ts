import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Fault, type RunningEmulator } from '../../src/emulator/index.js';
import { MzformError } from '../../src/errors.js';
import { loadDesired } from '../../src/pipeline/index.js';
import { HAZARD_CODES, type HazardCode } from '../../src/plan/index.js';
import { renderPlanText } from '../../src/output/index.js';
import { clearLock, lockHeld } from './apply/lock-held.js';
import { SECRET, apply, env, idsByName, planAgainst, prepareContainers, prepareUpstream, reset } from '../integration/apply/common.js';
import { droppedNames } from './apply/drops.js';
import { SCENARIOS, type Scenario } from './apply/scenarios.js';

/**
 * The apply fault matrix, for every example from empty and for an update
 * with alters, a cascading replace and a prune: the connection dropped after
 * each statement the server sees, and each DDL statement failing. After each
 * fault, a new apply must converge ("No changes" after it), and no object the
 * manifest keeps may be dropped, neither by the failed apply nor by the one
 * that recovers (checked on every DROP the server received, and by id).
 */
const allHazards = new Set(Object.keys(HAZARD_CODES) as HazardCode[]);
const counts = { cases: 0, closeAfter: 0, failStatement: 0, failedSteps: 0, refusedBeforeSteps: 0 };


describe('apply fault matrix', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    await prepareContainers(emulator.url, SCENARIOS.flatMap((s) => [s.after, ...(s.before ? [s.before] : [])]));
  });
  afterAll(async () => {
    await emulator?.stop();
    console.log(`fault matrix: ${counts.cases} faults injected (${counts.closeAfter} connection drops, ${counts.failStatement} failing statements); ${counts.failedSteps} stopped an apply mid-way, ${counts.refusedBeforeSteps} before any step; all converged`);
  });

  /** Empty the scope, then apply `before` cleanly: the state each case starts from. */
  async function startState(s: Scenario): Promise<void> {
    await clearLock(emulator.url);
    await reset(emulator.url, s.after);
    await prepareUpstream(emulator.url, s.after);
    if (s.before) {
      const { report } = await apply(emulator.url, s.before, { allowHazards: allHazards });
      expect(report.outcome).toBe('applied');
    }
  }

  async function objectNames(file: string): Promise<string[]> {
    return (await loadDesired(file, env)).objects.map((o) => `${o.name.schema}.${o.name.name}`);
  }

  it.each(SCENARIOS)('$name', async (scenario) => {
    // A clean run: what the server sees, and which objects the plan may drop.
    await startState(scenario);
    emulator.control.resetCounters();
    const clean = await apply(emulator.url, scenario.after, { allowHazards: allHazards });
    expect(clean.report.outcome).toBe('applied');
    const total = emulator.control.statementCount();
    const ddl = clean.plan.steps.flatMap((s) => s.statements.map((st) => st.sql));
    const mayDrop = new Set(clean.plan.steps.filter((s) => s.action === 'drop' || s.action === 'replace').map((s) => `${s.name.schema}.${s.name.name}`));
    // The log check below sees every DROP: on the clean run it finds exactly the plan's.
    expect(new Set(droppedNames(emulator.control.queryLog()))).toEqual(mayDrop);
    const kept = (await objectNames(scenario.after)).filter((n) => !mayDrop.has(n));
    expect(kept.length).toBeGreaterThan(0);

    const faults: Fault[] = [
      ...Array.from({ length: total }, (_, i): Fault => ({ kind: 'close-after', statements: i })),
      ...ddl.map((sql, i): Fault => ({
        kind: 'fail-matching',
        // The statement as sent: the secret placeholder stands for any value.
        pattern: `^${sql.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`.replace("'\\*\\*\\*\\*\\*\\*\\*\\*'", "'.*'")
          // A secret's fingerprint is shown masked too; the statement sent carries the real one.
          .replace('hmac-sha256:\\*\\*\\*\\*\\*\\*\\*\\*', 'hmac-sha256:[0-9a-f]{64}'),
        message: `injected failure of statement ${i + 1}`,
      })),
    ];

    for (const fault of faults) {
      const label = `${scenario.name}, ${JSON.stringify(fault)}`;
      await startState(scenario);
      const idsBefore = await idsByName(emulator.url, scenario.after);
      emulator.control.resetCounters();
      emulator.control.injectFault(fault);
      try {
        const { report } = await apply(emulator.url, scenario.after, { allowHazards: allHazards });
        expect(JSON.stringify(report), label).not.toContain(SECRET);
        if (report.outcome === 'failed') counts.failedSteps++;
        else if (fault.kind === 'fail-matching') expect.fail(`${label}: the failing statement did not stop the apply (${report.outcome})`);
      } catch (error) {
        // Before any step (lock, introspection) or while releasing: a typed error, never a crash.
        expect(error, label).toBeInstanceOf(MzformError);
        expect((error as Error).message, label).not.toContain(SECRET);
        counts.refusedBeforeSteps++;
      }
      emulator.control.clearFaults();
      expect(await lockHeld(emulator.url), `${label}: the lock was released`).toBe(false);

      const again = await apply(emulator.url, scenario.after, { allowHazards: allHazards });
      expect(['applied', 'no-changes'], label).toContain(again.report.outcome);
      expect(renderPlanText(await planAgainst(emulator.url, scenario.after)), label).toBe('No changes.\n');

      const dropped = droppedNames(emulator.control.queryLog());
      expect(dropped.filter((n) => !mayDrop.has(n)), `${label}: kept objects dropped`).toEqual([]);
      const idsAfter = await idsByName(emulator.url, scenario.after);
      for (const [key, id] of idsBefore) {
        const name = key.slice(key.indexOf(' ') + 1);
        if (kept.includes(name)) expect(idsAfter.get(key), `${label}: ${key} kept its id`).toBe(id);
      }
      counts.cases++;
      if (fault.kind === 'close-after') counts.closeAfter++;
      else counts.failStatement++;
    }
  }, 180_000);
});
