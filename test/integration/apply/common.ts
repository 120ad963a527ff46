import { type ApplyOptions, type ApplyResult, DEFAULT_LOCK_LOCATION, type LockHolder, runApply } from '../../../src/apply/index.js';
import { connect } from '../../../src/db/index.js';
import { loadActual, loadDesired, planChanges } from '../../../src/pipeline/index.js';
import type { Plan } from '../../../src/plan/index.js';
import { executableSql } from '../../../src/sql/index.js';

/** A value with every character that could break out of a literal, a JSON string or a regex. */
export const SECRET = `s3cr3t-'"-Ω-value`;
export const KEY = 'integration-key';
/** Every `${env:NAME}` resolves to SECRET; the fingerprint key is set so secret values are compared. */
export const env: Record<string, string | undefined> = new Proxy({}, { get: (_t, name) => (name === 'MZFORM_FINGERPRINT_KEY' ? KEY : typeof name === 'string' && /^[A-Z_]+$/.test(name) ? SECRET : undefined) });

let runs = 0;
export const holder = (who = 'test@host'): LockHolder => ({ holder: who, pid: 1, runId: `run-${++runs}`, acquiredAt: '2025-01-01T00:00:00.000Z' });

/** runApply against a running server, approved, with everything allowed unless said otherwise. */
export function apply(url: string, file: string, options: Partial<ApplyOptions> = {}): Promise<ApplyResult> {
  return runApply({
    input: { kind: 'manifest', file },
    url,
    env,
    allowHazards: new Set(),
    lock: { location: DEFAULT_LOCK_LOCATION, holder: holder(), timeoutMs: 0 },
    ...options,
  });
}

/** The plan of a manifest against the server now. */
export async function planAgainst(url: string, file: string, options: { prune?: boolean } = {}): Promise<Plan> {
  const db = await connect({ url, env: {} });
  try {
    const desired = await loadDesired(file, env);
    return planChanges(desired, await loadActual(db, desired), { env, ...options });
  } finally {
    await db.close();
  }
}

/** Every user object's id by name, to prove objects survived (same id) or were re-created. */
export async function idsByName(url: string, file: string): Promise<Map<string, string>> {
  const db = await connect({ url, env: {} });
  try {
    const desired = await loadDesired(file, env);
    const actual = await loadActual(db, desired);
    return new Map(actual.objects.map((o) => [`${o.object.kind} ${o.object.name.schema}.${o.object.name.name}`, o.id]));
  } finally {
    await db.close();
  }
}

/** Drops everything the manifest manages (prune against an empty manifest), so the next case starts empty. */
export async function reset(url: string, file: string): Promise<void> {
  const db = await connect({ url, env: {} });
  try {
    const desired = await loadDesired(file, env);
    const plan = planChanges({ ...desired, objects: [] }, await loadActual(db, desired), { env, prune: true });
    for (const step of plan.steps) for (const st of step.statements) await db.execute(executableSql(st));
  } finally {
    await db.close();
  }
}
