import { type ApplyOptions, type ApplyResult, DEFAULT_LOCK_LOCATION, type LockHolder, runApply } from '../../../src/apply/index.js';
import { connect } from '../../../src/db/index.js';
import { loadActual, loadDesired, planChanges } from '../../../src/pipeline/index.js';
import { type Plan, savedPlanContext, serializeSavedPlan } from '../../../src/plan/index.js';
import { executableSql, quoteIdent, quoteLiteral } from '../../../src/sql/index.js';

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

/** What `plan --out` writes for a manifest against the server now. */
export async function savedPlanText(url: string, file: string): Promise<string> {
  const db = await connect({ url, env: {} });
  try {
    const desired = await loadDesired(file, env);
    const actual = await loadActual(db, desired);
    const plan = planChanges(desired, actual, { env });
    return serializeSavedPlan(plan, savedPlanContext(plan, actual, { manifest: [file], prune: false, rotateSecrets: [], fingerprintKey: KEY }));
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

/**
 * Clusters, databases and schemas are not mzform's to create: make the ones
 * the manifests name, as an administrator would before the first apply.
 */
export async function prepareContainers(url: string, files: readonly string[]): Promise<void> {
  const db = await connect({ url, env: {} });
  try {
    for (const file of files) {
      const desired = await loadDesired(file, env);
      for (const o of desired.objects) {
        await db.execute(`CREATE DATABASE IF NOT EXISTS ${quoteIdent(o.name.database)}`);
        await db.execute(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(o.name.database)}.${quoteIdent(o.name.schema)}`);
        if (o.kind === 'source') await db.execute(`CREATE CLUSTER IF NOT EXISTS ${quoteIdent(o.cluster)} (SIZE = '25cc')`);
      }
    }
  } finally {
    await db.close();
  }
}

/** Tells the emulator which tables each upstream Postgres / MySQL host of the manifest has: those its sources list. */
export async function prepareUpstream(url: string, file: string): Promise<void> {
  const desired = await loadDesired(file, env);
  const hosts = new Map<string, Set<string>>();
  for (const o of desired.objects) {
    if (o.kind !== 'connection' || (o.spec.type !== 'postgres' && o.spec.type !== 'mysql')) continue;
    const tables = new Set<string>();
    for (const s of desired.objects) {
      if (s.kind !== 'source' || (s.spec.type !== 'postgres' && s.spec.type !== 'mysql') || s.spec.connection.name !== o.name.name) continue;
      if (s.spec.tables.kind === 'tables') for (const t of s.spec.tables.tables) tables.add(t.reference.join('.'));
      // Tables from the source read upstream tables too.
      for (const t of desired.objects) {
        if (t.kind === 'table' && t.source.name === s.name.name && (t.spec.type === 'postgres' || t.spec.type === 'mysql')) tables.add(t.spec.reference.join('.'));
      }
    }
    hosts.set(o.spec.host, tables.size > 0 ? tables : new Set(['public.orders', 'public.customers']));
  }
  const db = await connect({ url, env: {} });
  try {
    for (const [host, tables] of hosts) await db.execute(`EMULATOR UPSTREAM TABLES ${quoteLiteral(host)} (${[...tables].map(quoteLiteral).join(', ')})`);
  } finally {
    await db.close();
  }
}
