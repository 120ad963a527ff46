import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { prepareContainers, reset } from '../integration/apply/common.js';
import { mzform } from './mzform-cli.js';

/**
 * A saved plan runs exactly what it showed, or nothing. Through the CLI, as
 * a user runs it: a plan saved with `plan --out`, then edited by hand (every
 * part apply reads), applied with other secret values than planned, or
 * applied after the catalog grew new dependents of what it drops. Every
 * refusal exits 4 before any statement (the server's log holds no DDL but
 * the lock's), and the untouched plan still applies.
 */
const BASE = 'test/fixtures/reliability/saved-plan/base.yaml';
const NEXT = 'test/fixtures/reliability/saved-plan/next.yaml';
const TUNNEL_ONLY = 'test/fixtures/reliability/saved-plan/tunnel-only.yaml';
const KEY = 'saved-plan-test-key-0123456789abcdef';
const A = `value-A-'"-Ω`;
const B = `value-B-'"-Ω`;
const counts = { tampered: 0, valuesChanged: 0, stale: 0, notStale: 0 };

type PlanJson = {
  steps: { id: string; action: string; object_kind: string; display_name: string; hazards: { code: string; message: string }[]; statements: { kind: string; sql: string; secret_source?: string }[] }[];
  summary: Record<string, number>;
  saved: { manifest: string[]; prune: boolean; rotate_secrets: string[]; dependents: Record<string, string[]>; seal?: string };
};

describe('saved plans: what was shown, or nothing', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let url: string[];
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    url = ['--url', emulator.url];
    await prepareContainers(emulator.url, [BASE]);
    const db = await connect({ url: emulator.url, env: {} });
    await db.execute('CREATE SCHEMA IF NOT EXISTS "materialize"."other"');
    await db.close();
    dir = mkdtempSync(join(tmpdir(), 'mzform-saved-plan-'));
  });
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(
      `saved plans: ${counts.tampered} tampered plans refused before any statement; ${counts.valuesChanged} changed or unverifiable secret values refused; ` +
        `${counts.stale} plans made stale by new dependents refused; ${counts.notStale} unrelated changes did not make a plan stale`,
    );
  });

  /** The state every case starts from: the base manifest applied with value A. */
  async function startFromBase(): Promise<void> {
    await sql('DROP SOURCE IF EXISTS "materialize"."other"."sneaky"');
    await reset(emulator.url, BASE);
    const r = await mzform(['apply', '-f', BASE, ...url, '--auto-approve'], { KAFKA_PASSWORD: A, MZFORM_FINGERPRINT_KEY: KEY });
    expect(r.status, r.out).toBe(0);
    emulator.control.resetCounters();
  }

  async function sql(text: string): Promise<void> {
    const db = await connect({ url: emulator.url, env: {} });
    try {
      await db.execute(text);
    } finally {
      await db.close();
    }
  }

  /** Statements that changed something, other than taking and releasing the lock. */
  function changesSent(): string[] {
    return emulator.control
      .queryLog()
      .map((e) => e.statement)
      .filter((s) => /^\s*(CREATE|ALTER|DROP|COMMENT)\b/i.test(s) && !s.includes('__mzform_lock'));
  }

  async function savePlan(file: string, args: string[], env: Record<string, string>): Promise<{ path: string; json: PlanJson }> {
    const path = join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
    const r = await mzform(['plan', '-f', file, ...url, '--out', path, ...args], env);
    expect(r.status, r.out).toBe(0);
    return { path, json: JSON.parse(readFileSync(path, 'utf8')) as PlanJson };
  }

  const allowAll = (plan: PlanJson) => {
    const codes = [...new Set(plan.steps.flatMap((s) => s.hazards.map((h) => h.code)))];
    return codes.length > 0 ? ['--allow-hazards', codes.join(',')] : [];
  };

  describe('a plan edited by hand is refused before any statement', () => {
    const withA = { KAFKA_PASSWORD: A, MZFORM_FINGERPRINT_KEY: KEY };
    const nextArgs = ['--prune', '--rotate-secret', 'kafka_password'];
    // Each edit with the refusal it must meet: the check that catches it, not a stale catalog left by an earlier case.
    const NOT_THE_PLAN = /is not the plan of its manifest .* against the catalog now/;
    const edits: [string, (p: PlanJson) => void, RegExp][] = [
      ['a statement replaced by DROP ... CASCADE', (p) => (p.steps[0]!.statements[0]!.sql = 'DROP SOURCE "materialize"."public"."clicks" CASCADE'), NOT_THE_PLAN],
      ['the hazards removed (and the gate passed without --allow-hazards)', (p) => p.steps.forEach((s) => (s.hazards = [])), NOT_THE_PLAN],
      ['a hazard message reworded', (p) => (p.steps.find((s) => s.hazards.length > 0)!.hazards[0]!.message = 'harmless'), NOT_THE_PLAN],
      ['secret_source pointed at the fingerprint key', (p) => (p.steps.flatMap((s) => s.statements).find((st) => st.secret_source)!.secret_source = 'env:MZFORM_FINGERPRINT_KEY'), NOT_THE_PLAN],
      ['a step removed', (p) => p.steps.splice(p.steps.findIndex((s) => s.action === 'drop'), 1), NOT_THE_PLAN],
      ['two steps swapped', (p) => p.steps.reverse(), NOT_THE_PLAN],
      ['a statement added to a step', (p) => p.steps[0]!.statements.push({ kind: 'drop', sql: 'DROP CONNECTION "materialize"."public"."bastion" CASCADE' }), NOT_THE_PLAN],
      ['the manifest pointed elsewhere', (p) => (p.saved.manifest = [BASE]), NOT_THE_PLAN],
      // Without prune the manifest cannot be planned at all (a replaced connection keeps an undeclared source): refused while planning again.
      ['prune turned off', (p) => (p.saved.prune = false), /cannot be made again from its manifest .*\.old_events depends on it and the manifest does not describe it/],
      ['the rotation removed', (p) => (p.saved.rotate_secrets = []), NOT_THE_PLAN],
      ['the seal removed', (p) => delete p.saved.seal, /sets secret values, and without MZFORM_FINGERPRINT_KEY when the plan was made nothing can show/],
      ['the seal replaced', (p) => (p.saved.seal = `hmac-sha256:${'0'.repeat(64)}`), /a secret value read now from the manifest's sources is not the one planned/],
      ['the saved context removed', (p) => delete (p as Partial<PlanJson>).saved, /is not a saved plan \(no "saved" member\)/],
    ];

    let saved: { path: string; json: PlanJson };
    /** Set when a case let statements through: the next case starts again from the base state and a new plan. */
    let moved = true;
    beforeEach(async () => {
      if (!moved) return;
      await startFromBase();
      saved = await savePlan(NEXT, nextArgs, withA);
      moved = false;
    }, 60_000);

    it.each(edits)('%s', async (_label, edit, reason) => {
      const allow = allowAll(saved.json);
      const tampered = structuredClone(saved.json);
      edit(tampered);
      const path = join(dir, 'tampered.json');
      writeFileSync(path, JSON.stringify(tampered, null, 2));
      emulator.control.resetCounters();
      const refused = await mzform(['apply', path, ...url, ...allow], withA);
      moved = changesSent().length > 0;
      expect(refused.status, refused.out).toBe(tampered.saved ? 4 : 3);
      expect(changesSent(), refused.out).toEqual([]);
      expect(refused.out).toMatch(reason);
      expect(refused.out).not.toContain(KEY);
      counts.tampered++;
    }, 60_000);

    it('the plan as saved still runs, and leaves nothing to do', async () => {
      const ok = await mzform(['apply', saved.path, ...url, ...allowAll(saved.json)], withA);
      expect(ok.status, ok.out).toBe(0);
      const after = await mzform(['plan', '-f', NEXT, ...url, '--prune', '--detailed-exitcode'], withA);
      expect(after.status, after.out).toBe(0);
    }, 60_000);
  });

  describe('secret values at apply must be the planned ones', () => {
    beforeEach(startFromBase);

    it('a different environment value is refused, the planned one applies', async () => {
      const saved = await savePlan(BASE, [], { KAFKA_PASSWORD: B, MZFORM_FINGERPRINT_KEY: KEY });
      expect(saved.json.steps.map((s) => s.action)).toEqual(['alter']);
      // A third value: the same steps are planned, only the seal tells.
      const refused = await mzform(['apply', saved.path, ...url], { KAFKA_PASSWORD: `${B}-other`, MZFORM_FINGERPRINT_KEY: KEY });
      expect(refused.status, refused.out).toBe(4);
      expect(refused.out).toContain('is not the one planned');
      // The value Materialize holds already: the step is no longer needed.
      const unneeded = await mzform(['apply', saved.path, ...url], { KAFKA_PASSWORD: A, MZFORM_FINGERPRINT_KEY: KEY });
      expect(unneeded.status, unneeded.out).toBe(4);
      expect(changesSent()).toEqual([]);
      counts.valuesChanged += 2;
      const ok = await mzform(['apply', saved.path, ...url], { KAFKA_PASSWORD: B, MZFORM_FINGERPRINT_KEY: KEY });
      expect(ok.status, ok.out).toBe(0);
      // Materialize holds B and the fingerprint says B: nothing left to do with B, and A is seen as a change.
      expect((await mzform(['plan', '-f', BASE, ...url, '--detailed-exitcode'], { KAFKA_PASSWORD: B, MZFORM_FINGERPRINT_KEY: KEY })).status).toBe(0);
      expect((await mzform(['plan', '-f', BASE, ...url, '--detailed-exitcode'], { KAFKA_PASSWORD: A, MZFORM_FINGERPRINT_KEY: KEY })).status).toBe(2);
    }, 60_000);

    it('a ${file:...} value changed after the plan is refused', async () => {
      const manifestDir = mkdtempSync(join(dir, 'file-secret-'));
      const manifest = join(manifestDir, 'materialize.yaml');
      writeFileSync(manifest, readFileSync(BASE, 'utf8').replace('${env:KAFKA_PASSWORD}', '${file:password.txt}'));
      writeFileSync(join(manifestDir, 'password.txt'), B);
      const saved = await savePlan(manifest, [], { MZFORM_FINGERPRINT_KEY: KEY });
      writeFileSync(join(manifestDir, 'password.txt'), `${B}-edited`);
      const refused = await mzform(['apply', saved.path, ...url], { MZFORM_FINGERPRINT_KEY: KEY });
      expect(refused.status, refused.out).toBe(4);
      expect(changesSent()).toEqual([]);
      counts.valuesChanged++;
      writeFileSync(join(manifestDir, 'password.txt'), B);
      const ok = await mzform(['apply', saved.path, ...url], { MZFORM_FINGERPRINT_KEY: KEY });
      expect(ok.status, ok.out).toBe(0);
    }, 60_000);

    it('without a fingerprint key, a saved plan that sets a value is refused; one that sets none applies', async () => {
      const noKeyAtPlan = await savePlan(BASE, ['--rotate-secret', 'kafka_password'], { KAFKA_PASSWORD: A });
      for (const env of [{ KAFKA_PASSWORD: A }, { KAFKA_PASSWORD: A, MZFORM_FINGERPRINT_KEY: KEY }] as Record<string, string>[]) {
        const refused = await mzform(['apply', noKeyAtPlan.path, ...url], env);
        expect(refused.status, refused.out).toBe(4);
        expect(refused.out).toContain('MZFORM_FINGERPRINT_KEY');
        expect(changesSent()).toEqual([]);
        counts.valuesChanged++;
      }
      const keyAtPlanOnly = await savePlan(BASE, ['--rotate-secret', 'kafka_password'], { KAFKA_PASSWORD: A, MZFORM_FINGERPRINT_KEY: KEY });
      const refused = await mzform(['apply', keyAtPlanOnly.path, ...url], { KAFKA_PASSWORD: A });
      expect(refused.status, refused.out).toBe(4);
      expect(changesSent()).toEqual([]);
      counts.valuesChanged++;
      const noSecrets = await savePlan(TUNNEL_ONLY, [], {});
      const ok = await mzform(['apply', noSecrets.path, ...url], {});
      expect(ok.status, ok.out).toBe(0);
    }, 60_000);
  });

  describe('stale: new dependents of what the plan drops or replaces', () => {
    const withA = { KAFKA_PASSWORD: A, MZFORM_FINGERPRINT_KEY: KEY };
    beforeEach(startFromBase);

    it('a source created in another schema on the connection the plan replaces makes it stale', async () => {
      const saved = await savePlan(NEXT, ['--prune'], withA);
      await sql(`CREATE SOURCE "materialize"."other"."sneaky" IN CLUSTER "quickstart" FROM KAFKA CONNECTION "materialize"."public"."private_kafka" (TOPIC 'x') FORMAT TEXT`);
      emulator.control.resetCounters();
      const refused = await mzform(['apply', saved.path, ...url, ...allowAll(saved.json)], withA);
      expect(refused.status, refused.out).toBe(4);
      expect(refused.out).toContain('materialize.other.sneaky: new, depends on');
      expect(changesSent()).toEqual([]);
      counts.stale++;
    }, 60_000);

    it('a comment on an object in a schema the plan does not read leaves it applicable', async () => {
      const saved = await savePlan(NEXT, ['--prune'], withA);
      await sql(`CREATE SECRET IF NOT EXISTS "materialize"."other"."unrelated" AS 'x'`);
      await sql(`COMMENT ON SECRET "materialize"."other"."unrelated" IS 'changed after the plan'`);
      const ok = await mzform(['apply', saved.path, ...url, ...allowAll(saved.json)], withA);
      expect(ok.status, ok.out).toBe(0);
      counts.notStale++;
      await sql('DROP SECRET "materialize"."other"."unrelated"');
    }, 60_000);
  });
});
