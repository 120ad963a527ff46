import { readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_LOCATION, parseAllowedHazards, readLock, runApply } from '../../../src/apply/index.js';
import { connect } from '../../../src/db/index.js';
import { RefusedError } from '../../../src/errors.js';
import { renderPlanText } from '../../../src/output/index.js';
import { apply, env, holder, idsByName, planAgainst, prepareContainers, prepareUpstream, reset, savedPlanText } from './common.js';
import { type Emulator, startEmulator } from './emulator.js';

const examples = readdirSync('examples').filter((f) => f.endsWith('.yaml')).sort();
const lockState = async (url: string) => {
  const db = await connect({ url, env: {} });
  try {
    return await readLock(db, DEFAULT_LOCK_LOCATION);
  } finally {
    await db.close();
  }
};

describe('mzform apply against the emulator', () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    await prepareContainers(emulator.url, examples.map((f) => `examples/${f}`));
    dir = mkdtempSync(join(tmpdir(), 'mzform-apply-'));
  });
  afterAll(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(examples)('%s', (file) => {
    beforeEach(async () => {
      await reset(emulator.url, `examples/${file}`);
      await prepareUpstream(emulator.url, `examples/${file}`);
    });

    it('applies from empty, then plans to "No changes", and releases the lock', async () => {
      const { plan, report } = await apply(emulator.url, `examples/${file}`);
      expect(report.outcome, JSON.stringify(report.steps.find((s) => s.error))).toBe('applied');
      expect(report.steps.map((s) => s.status)).toEqual(plan.steps.map(() => 'done'));
      expect(renderPlanText(await planAgainst(emulator.url, `examples/${file}`))).toBe('No changes.\n');
      expect((await lockState(emulator.url)).held).toBe(false);
      const again = await apply(emulator.url, `examples/${file}`);
      expect(again.report.outcome).toBe('no-changes');
    });
  });

  it('prints the outputs users need next: SSH keys, PrivateLink principal', async () => {
    await reset(emulator.url, 'examples/msk-privatelink.yaml');
    await reset(emulator.url, 'examples/kafka-ssh-tunnel.yaml');
    const pl = await apply(emulator.url, 'examples/msk-privatelink.yaml');
    expect(pl.report.outputs).toEqual([expect.objectContaining({ type: 'aws-privatelink', principal: expect.stringMatching(/^arn:aws:iam::/) })]);
    await reset(emulator.url, 'examples/msk-privatelink.yaml');
    const ssh = await apply(emulator.url, 'examples/kafka-ssh-tunnel.yaml');
    expect(ssh.report.outputs).toEqual([expect.objectContaining({ type: 'ssh-tunnel', publicKeys: [expect.stringMatching(/^ssh-/), expect.stringMatching(/^ssh-/)] })]);
    await reset(emulator.url, 'examples/kafka-ssh-tunnel.yaml');
  });

  it('two applies at once: one runs, the other is refused naming the holder', async () => {
    const file = 'examples/kafka-ssh-tunnel.yaml';
    await reset(emulator.url, file);
    let second: unknown;
    // The first apply holds the lock while it waits for confirmation: start the second then.
    const first = await apply(emulator.url, file, {
      lock: { location: DEFAULT_LOCK_LOCATION, holder: holder('first@runner-1'), timeoutMs: 0 },
      confirm: async () => {
        second = await apply(emulator.url, file, { lock: { location: DEFAULT_LOCK_LOCATION, holder: holder('second@runner-2'), timeoutMs: 300, pollMs: 50 } }).catch((e: unknown) => e);
        return true;
      },
    });
    expect(first.report.outcome).toBe('applied');
    expect(second).toBeInstanceOf(RefusedError);
    expect((second as RefusedError).code).toBe('apply.locked');
    expect((second as RefusedError).message).toMatch(/held by first@runner-1 \(pid 1, run run-\d+\)/);
    expect((await lockState(emulator.url)).held).toBe(false);
    await reset(emulator.url, file);
  });

  it('a saved plan is refused when an object it read changed, and applied when nothing did', async () => {
    const file = 'examples/kafka-ssh-tunnel.yaml';
    await reset(emulator.url, file);
    await apply(emulator.url, file);
    const planFile = join(dir, 'plan.json');
    // A plan that changes something: the manifest's source is dropped by hand, so the plan re-creates it.
    const db = await connect({ url: emulator.url, env: {} });
    await db.execute('DROP SOURCE "materialize"."public"."orders"');
    writeFileSync(planFile, await savedPlanText(emulator.url, file));
    await db.execute(`COMMENT ON CONNECTION "materialize"."public"."ssh_connection" IS 'changed by hand'`);
    const stale = await runApply({ input: { kind: 'plan-file', file: planFile }, url: emulator.url, env, allowHazards: new Set(), lock: { location: DEFAULT_LOCK_LOCATION, holder: holder(), timeoutMs: 0 } }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(RefusedError);
    expect((stale as RefusedError).code).toBe('apply.stale-plan');
    expect((stale as RefusedError).message).toContain('materialize.public.ssh_connection: changed');
    expect((await lockState(emulator.url)).held).toBe(false);

    await db.execute(`COMMENT ON CONNECTION "materialize"."public"."ssh_connection" IS NULL`);
    writeFileSync(planFile, await savedPlanText(emulator.url, file));
    await db.close();
    const fresh = await runApply({ input: { kind: 'plan-file', file: planFile }, url: emulator.url, env, allowHazards: new Set(), lock: { location: DEFAULT_LOCK_LOCATION, holder: holder(), timeoutMs: 0 } });
    expect(fresh.report.outcome).toBe('applied');
    expect(renderPlanText(await planAgainst(emulator.url, file))).toBe('No changes.\n');
    await reset(emulator.url, file);
  });

  it('hazards are refused before anything runs, and applied once allowed', async () => {
    const file = 'examples/kafka-ssh-tunnel.yaml';
    await reset(emulator.url, file);
    await apply(emulator.url, file);
    const before = await idsByName(emulator.url, file);
    // Pruning against a manifest that lists nothing drops the tunnel: drop and ssh-key-loss.
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, 'version: 1\nscope: [public]\nprune: true\n');
    const refused = await apply(emulator.url, empty, { allowHazards: parseAllowedHazards(['drop']) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedError);
    expect((refused as RefusedError).code).toBe('apply.hazards');
    expect((refused as RefusedError).hint).toContain('--allow-hazards drop,ssh-key-loss');
    expect(await idsByName(emulator.url, file)).toEqual(before);
    const allowed = await apply(emulator.url, empty, { allowHazards: parseAllowedHazards(['drop,ssh-key-loss']) });
    expect(allowed.report.outcome).toBe('applied');
    expect((await idsByName(emulator.url, file)).size).toBe(0);
  });

  it('Ctrl-C stops between steps, releases the lock and reports what was done; a new apply finishes', async () => {
    const file = 'examples/msk-privatelink.yaml';
    await reset(emulator.url, file);
    const controller = new AbortController();
    const { report } = await apply(emulator.url, file, { signal: controller.signal, onStep: (r) => (r.id === '1' ? controller.abort() : undefined) });
    expect(report.outcome).toBe('interrupted');
    expect(report.steps.map((s) => s.status)).toEqual(['done', ...report.steps.slice(1).map(() => 'not-run')]);
    expect((await lockState(emulator.url)).held).toBe(false);
    expect((await apply(emulator.url, file)).report.outcome).toBe('applied');
    expect(renderPlanText(await planAgainst(emulator.url, file))).toBe('No changes.\n');
    await reset(emulator.url, file);
  });

  it('--target applies the PrivateLink connection alone; the next apply adds the rest', async () => {
    const file = 'examples/msk-privatelink.yaml';
    await reset(emulator.url, file);
    const first = await apply(emulator.url, file, { targets: ['privatelink_svc'] });
    expect(first.plan.steps.map((s) => s.name.name)).toEqual(['privatelink_svc']);
    expect(first.report.warnings[0]).toMatch(/^--target: 3 other changes are left for a later run/);
    expect(first.report.outputs[0]?.principal).toMatch(/^arn:aws:iam::/);
    const ids = await idsByName(emulator.url, file);
    const rest = await apply(emulator.url, file);
    expect(rest.plan.steps.map((s) => s.name.name).sort()).toEqual(['json_source', 'kafka_connection', 'kafka_password']);
    expect((await idsByName(emulator.url, file)).get('connection public.privatelink_svc')).toBe(ids.get('connection public.privatelink_svc'));
    await reset(emulator.url, file);
  });
});
