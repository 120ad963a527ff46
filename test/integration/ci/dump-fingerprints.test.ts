import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { staticSql } from '../../../src/sql/quote.js';
import { prepareContainers } from '../apply/common.js';
import { mzform } from '../../reliability/mzform-cli.js';

/**
 * A catalog dump is shared with people and CI jobs that must not get even a
 * keyed hash of a secret's value: it holds no fingerprint. A plan or drift
 * from it then cannot check the values of secrets mzform set, and says so,
 * instead of planning to set every one of them again; everything else is
 * planned as live. Through the CLI against the emulator over TCP.
 */
const BEFORE = 'test/fixtures/ci/dump/before.yaml';
const AFTER = 'test/fixtures/ci/dump/after.yaml';
const KEY = 'dump-fingerprint-test-key-0123456789';
const VALUES = { KAFKA_PASSWORD: 'kafka-A', REGISTRY_PASSWORD: 'registry-A', NEW_TOKEN: 'token-A', HAND_MADE: 'hand-A' };
const ENV = { ...VALUES, MZFORM_FINGERPRINT_KEY: KEY };
const NOT_CHECKED = 'secret values were not checked (a catalog dump holds no fingerprints): secret materialize.public.kafka_password; secret materialize.public.registry_password';

type PlanJson = { steps: { action: string; display_name: string; statements: { sql: string }[] }[] };

describe('catalog dumps hold no fingerprints, and plans from them check no secret value', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let url: string[];
  let dump: string;
  let fingerprints: string[];
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    url = ['--url', emulator.url];
    dir = mkdtempSync(join(tmpdir(), 'mzform-dump-'));
    await prepareContainers(emulator.url, [BEFORE]);
    const applied = await mzform(['apply', '-f', BEFORE, ...url, '--auto-approve'], ENV);
    expect(applied.status, applied.out).toBe(0);
    const db = await connect({ url: emulator.url, env: {} });
    try {
      // A secret made by hand: no fingerprint stored.
      await db.execute(`CREATE SECRET "materialize"."public"."hand_made" AS 'hand-A'`);
      const rows = await db.query<{ comment: string }>(staticSql`SELECT comment FROM mz_internal.mz_comments ORDER BY id`);
      fingerprints = rows.flatMap((r) => [...r.comment.matchAll(/hmac-sha256:([0-9a-f]{64})/g)].map((m) => m[1] as string));
    } finally {
      await db.close();
    }
    dump = join(dir, 'catalog.json');
    const dumped = await mzform(['catalog', 'dump', ...url, '--out', dump]);
    expect(dumped.status, dumped.out).toBe(0);
  });
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the live catalog holds a fingerprint per secret mzform set; the dump holds none of them, nor the marker', () => {
    expect(fingerprints).toHaveLength(2);
    const text = readFileSync(dump, 'utf8');
    expect(text).not.toContain('hmac-sha256');
    expect(text).not.toContain('mzform-fingerprint');
    for (const hex of fingerprints) expect(text).not.toContain(hex);
    // The user's comment stays, and the two secrets are listed as withheld.
    const data = JSON.parse(text) as { format_version: number; rows: { comments: { comment: string }[]; fingerprintsWithheld: { id: string }[] } };
    expect(data.format_version).toBe(3);
    expect(data.rows.comments.map((c) => c.comment)).toContain('broker login');
    expect(data.rows.fingerprintsWithheld).toHaveLength(2);
  });

  it('plan --catalog: unchanged secrets are not changes but values not checked; live, the same manifest has no changes', async () => {
    const declared = { ...ENV };
    const offline = await mzform(['plan', '-f', BEFORE, '--catalog', dump, '--detailed-exitcode'], declared);
    expect(offline.status, offline.out).toBe(0);
    expect(offline.out).toContain('No changes.');
    expect(offline.out).toContain(NOT_CHECKED);
    const live = await mzform(['plan', '-f', BEFORE, ...url, '--detailed-exitcode'], declared);
    expect(live.status, live.out).toBe(0);
    expect(live.out).toContain('No changes.');
    expect(live.out).not.toContain('not checked');
  });

  it('a changed value: the live plan sets it; the plan from the dump cannot tell, and says it did not check', async () => {
    const changed = { ...ENV, KAFKA_PASSWORD: 'kafka-B' };
    const live = await mzform(['plan', '-f', BEFORE, ...url, '--detailed-exitcode', '--format', 'json'], changed);
    expect(live.status, live.out).toBe(2);
    const steps = (JSON.parse(live.out.slice(0, live.out.lastIndexOf('}') + 1)) as PlanJson).steps;
    expect(steps.map((s) => `${s.action} ${s.display_name}`)).toEqual(['alter materialize.public.kafka_password']);
    expect(steps[0]?.statements.map((s) => s.sql)).toContain(`ALTER SECRET "materialize"."public"."kafka_password" AS '********'`);
    const offline = await mzform(['plan', '-f', BEFORE, '--catalog', dump, '--detailed-exitcode'], changed);
    expect(offline.status, offline.out).toBe(0);
    expect(offline.out).toContain(NOT_CHECKED);
  });

  it('plan --catalog of the next manifest plans its creates, drops and the secret that has no fingerprint exactly as live', async () => {
    const offline = await mzform(['plan', '-f', AFTER, '--catalog', dump, '--format', 'json', '--detailed-exitcode'], ENV);
    const live = await mzform(['plan', '-f', AFTER, ...url, '--format', 'json', '--detailed-exitcode'], ENV);
    expect(offline.status, offline.out).toBe(2);
    expect(live.status, live.out).toBe(2);
    const json = (out: string) => JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as PlanJson;
    const shown = (plan: PlanJson) => plan.steps.map((s) => `${s.action} ${s.display_name}`);
    expect(shown(json(offline.out))).toEqual(['alter materialize.public.hand_made', 'create materialize.public.new_token', 'drop materialize.public.registry_password']);
    expect(JSON.stringify(json(offline.out).steps)).toBe(JSON.stringify(json(live.out).steps));
    expect(offline.out).toContain('secret values were not checked (a catalog dump holds no fingerprints): secret materialize.public.kafka_password');
  });

  it('--rotate-secret still sets a value from a dump', async () => {
    const offline = await mzform(['plan', '-f', BEFORE, '--catalog', dump, '--rotate-secret', 'kafka_password', '--detailed-exitcode'], ENV);
    expect(offline.status, offline.out).toBe(2);
    expect(offline.out).toContain(`ALTER SECRET "materialize"."public"."kafka_password" AS '********'`);
  });

  it('a plan saved from a dump is refused by apply, before any statement: it read no fingerprint, so it is stale against the live catalog', async () => {
    const saved = join(dir, 'offline-plan.json');
    const planned = await mzform(['plan', '-f', AFTER, '--catalog', dump, '--out', saved], ENV);
    expect(planned.status, planned.out).toBe(0);
    emulator.control.resetCounters();
    const applied = await mzform(['apply', saved, ...url, '--allow-hazards', 'drop'], ENV);
    expect(applied.status, applied.out).toBe(4);
    expect(applied.out).toContain('the saved plan is stale');
    const ddl = emulator.control.queryLog().map((e) => e.statement).filter((st) => /^\s*(CREATE|ALTER|DROP|COMMENT)\b/i.test(st) && !st.includes('__mzform_lock'));
    expect(ddl).toEqual([]);
  });

  it('drift --catalog: the values not checked are named, never drift; live drift still sees a changed value', async () => {
    // The only drift is the secret made by hand, unmanaged in a managed schema.
    const offline = await mzform(['drift', '-f', BEFORE, '--catalog', dump], ENV);
    expect(offline.status, offline.out).toBe(2);
    expect(offline.out).toContain('Drift: 1 difference');
    expect(offline.out).toContain('+ secret materialize.public.hand_made');
    expect(offline.out).toContain(`Note: ${NOT_CHECKED}.`);
    const json = await mzform(['drift', '-f', BEFORE, '--catalog', dump, '--format', 'json'], ENV);
    const report = JSON.parse(json.out.slice(0, json.out.lastIndexOf('}') + 1)) as { entries: { kind: string; name: string }[]; secrets_not_checked: string[] };
    expect(report.entries.map((e) => `${e.kind} ${e.name}`)).toEqual(['unmanaged materialize.public.hand_made']);
    expect(report.secrets_not_checked).toEqual(['materialize.public.kafka_password', 'materialize.public.registry_password']);
    const live = await mzform(['drift', '-f', BEFORE, ...url], { ...ENV, KAFKA_PASSWORD: 'kafka-B' });
    expect(live.status, live.out).toBe(2);
    expect(live.out).toContain('secret materialize.public.kafka_password: its value no longer matches the manifest');
  });
});
