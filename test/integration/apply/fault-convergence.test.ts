import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_LOCATION, readLock } from '../../../src/apply/index.js';
import { connect } from '../../../src/db/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { SECRET, apply, idsByName, planAgainst, reset } from './common.js';
import { type Emulator, clearFaults, injectFault, resetCounters, startEmulator, statementCount } from './emulator.js';

/**
 * After any failure, a new plan converges to the manifest. For every point
 * of an apply from empty of a manifest with an SSH tunnel, PrivateLink,
 * Kafka connections and sources: the connection is dropped after i
 * statements (and, separately, the i-th statement fails); then, with the
 * fault cleared, apply again must succeed, plan must say "No changes", and
 * every object that existed after the failure must still be there (same id).
 */
const FILE = 'test/integration/apply/fixtures/ingest-stack.yaml';
const timings: string[] = [];

describe('a failed apply converges on the next one', () => {
  let emulator: Emulator;
  let statements: string[] = [];
  /** Every statement a clean apply sends: lock, introspection, DDL, release, outputs. */
  let total = 0;
  beforeAll(async () => {
    emulator = await startEmulator();
    await reset(emulator.url, FILE);
    resetCounters(emulator);
    const { plan } = await apply(emulator.url, FILE);
    total = statementCount(emulator);
    statements = plan.steps.flatMap((s) => s.statements.map((st) => st.sql));
    await reset(emulator.url, FILE);
  });
  afterAll(async () => {
    await emulator?.stop();
    // Benchmarks are figures, not assertions: the matrix time goes to the log.
    console.log(timings.join('\n'));
  });

  async function convergeAfter(fault: Parameters<typeof injectFault>[1]): Promise<{ outcome: string; failedStep?: string }> {
    await reset(emulator.url, FILE);
    injectFault(emulator, fault);
    let outcome: string;
    let failedStep: string | undefined;
    try {
      const { report } = await apply(emulator.url, FILE);
      outcome = report.outcome;
      failedStep = report.steps.find((s) => s.status === 'failed')?.id;
      for (const s of report.steps) expect(JSON.stringify(s)).not.toContain(SECRET);
    } catch (err) {
      // A fault in the lock or the introspection before any step: nothing ran.
      outcome = `error: ${(err as Error).message}`;
      expect((err as Error).message).not.toContain(SECRET);
    }
    clearFaults(emulator);
    const db = await connect({ url: emulator.url, env: {} });
    const lock = await readLock(db, DEFAULT_LOCK_LOCATION);
    await db.close();
    expect(lock.held, 'the lock was released').toBe(false);
    const before = await idsByName(emulator.url, FILE);
    const again = await apply(emulator.url, FILE);
    expect(['applied', 'no-changes']).toContain(again.report.outcome);
    expect(renderPlanText(await planAgainst(emulator.url, FILE))).toBe('No changes.\n');
    const after = await idsByName(emulator.url, FILE);
    for (const [name, id] of before) expect(after.get(name), `${name} was kept`).toBe(id);
    return { outcome, ...(failedStep ? { failedStep } : {}) };
  }

  it('the connection dropped after each possible statement', async () => {
    const started = performance.now();
    const outcomes: string[] = [];
    // Every statement the server sees counts (lock, introspection, DDL, release, outputs).
    expect(total).toBeGreaterThan(statements.length);
    for (let i = 0; i < total; i++) outcomes.push((await convergeAfter({ kind: 'close-after', statements: i })).outcome);
    expect(outcomes.filter((o) => o === 'failed')).toHaveLength(statements.length);
    timings.push(`close-after matrix: ${outcomes.length} cases (${outcomes.filter((o) => o === 'failed').length} failed steps, ${outcomes.filter((o) => o.startsWith('error')).length} before any step) in ${Math.round(performance.now() - started)} ms`);
  }, 300_000);

  it('each statement failing in turn', async () => {
    const started = performance.now();
    expect(statements.length).toBeGreaterThan(8);
    for (const [i, sql] of statements.entries()) {
      const pattern = `^${sql.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`.replace("'\\*\\*\\*\\*\\*\\*\\*\\*'", "'.*'")
        // A secret's fingerprint is shown masked too; the statement sent carries the real one.
        .replace('hmac-sha256:\\*\\*\\*\\*\\*\\*\\*\\*', 'hmac-sha256:[0-9a-f]{64}');
      const { outcome, failedStep } = await convergeAfter({ kind: 'fail-matching', pattern, message: `injected failure of statement ${i + 1}` });
      expect(outcome, sql).toBe('failed');
      expect(failedStep).toBeDefined();
    }
    timings.push(`fail-statement matrix: ${statements.length} cases in ${Math.round(performance.now() - started)} ms`);
  }, 300_000);
});
