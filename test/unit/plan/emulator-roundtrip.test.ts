import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspect } from '../../../src/catalog/index.js';
import { connect, type Database } from '../../../src/db/index.js';
import { nameKey, referencesOf } from '../../../src/model/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { loadActual, loadDesired, planChanges } from '../../../src/pipeline/index.js';
import type { Plan } from '../../../src/plan/index.js';
import { executableSql, renderCreate } from '../../../src/sql/index.js';
import { SecretValue } from '../../../src/model/index.js';
import { startEmulator } from '../../../src/emulator/index.js';
import { prepareContainers, prepareUpstream } from '../../integration/apply/common.js';

/**
 * Plan, execute the plan's statements and plan again against the in-process
 * emulator, over TCP, for every example manifest: the planner alone, without
 * the apply machinery (lock, report), so a failure here points at plan or diff.
 */
type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const KEY = 'emulator-key';
const env = new Proxy({} as Record<string, string | undefined>, { get: (_t, name) => (name === 'MZFORM_FINGERPRINT_KEY' ? KEY : `value-of-${String(name)}`) });
const examples = readdirSync('examples').filter((f) => f.endsWith('.yaml')).sort();

async function apply(db: Database, plan: Plan): Promise<void> {
  for (const step of plan.steps) {
    for (const st of step.statements) await db.execute(executableSql(st), st.secret ? [st.secret.reveal()] : []);
  }
}

describe('against the emulator', () => {
  let emulator: Emulator;
  let db: Database;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    await prepareContainers(emulator.url, examples.map((f) => `examples/${f}`));
    db = await connect({ url: emulator.url, env: {} });
  });
  afterAll(async () => {
    await db?.close();
    await emulator?.stop();
  });

  it.each(examples)('%s: plan from empty, apply, plan again: no changes', async (file) => {
    await prepareUpstream(emulator.url, `examples/${file}`);
    const desired = await loadDesired(`examples/${file}`, env);
    try {
      await planApplyReplan(desired);
    } finally {
      // Leave the next example an empty schema.
      const cleanup = planChanges({ ...desired, objects: [] }, await loadActual(db, desired), { env, prune: true });
      await apply(db, cleanup);
    }
  });

  async function planApplyReplan(desired: Awaited<ReturnType<typeof loadDesired>>): Promise<void> {
    const first = planChanges(desired, await loadActual(db, desired), { env });
    const position = new Map(first.steps.map((s, i) => [nameKey(s.name), i]));
    for (const object of desired.objects) {
      for (const ref of referencesOf(object)) expect(position.get(nameKey(ref.target))).toBeLessThan(position.get(nameKey(object.name)) as number);
    }
    await apply(db, first);
    const second = planChanges(desired, await loadActual(db, desired), { env });
    expect(renderPlanText(second)).toBe('No changes.\n');
  }

  it('introspects 10 and 1,000 objects in the same number of queries', async () => {
    const counts: number[] = [];
    let created = 0;
    for (const total of [10, 1000]) {
      for (; created < total; created++) {
        const st = renderCreate({ kind: 'secret', name: { database: 'materialize', schema: 'public', name: `bulk_${created}` }, value: new SecretValue({ kind: 'env', variable: 'X' }, 'v') });
        await db.execute(executableSql(st));
      }
      const before = db.roundTrips;
      const state = await introspect(db);
      counts.push(db.roundTrips - before);
      expect(state.objects.filter((o) => o.object.name.name.startsWith('bulk_'))).toHaveLength(total);
    }
    expect(counts[0]).toBe(counts[1]);
  }, 120_000);
});
