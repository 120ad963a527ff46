import { InputError } from '../errors.js';
import { CONTAINER_KINDS, type ContainerKind, type ObjectKind, OBJECT_KINDS, type ObjectName, displayName } from '../model/index.js';
import type { Statement, StatementKind } from '../sql/index.js';
import { makeStatement } from '../sql/statement.js';
import { HAZARD_CODES, type Hazard, type HazardCode } from './hazards.js';
import { PLAN_FORMAT_VERSION, type Plan, type SavedPlanContext, type Step, type StepAction, type UnmanagedObject } from './plan.js';

/**
 * The plan as JSON (`--out plan.json`, `--format json`), described by
 * schemas/plan.schema.json. Secret values are never written: a secret
 * statement records where its value comes from (`secret_source`), for the
 * reader only. `--out` adds `saved` (src/plan/saved-plan.ts): apply never
 * runs a plan file's statements, it plans again from the manifest and runs
 * that plan only when it is the one saved.
 */
export interface PlanFile {
  format_version: number;
  changes_present: boolean;
  summary: { create: number; alter: number; replace: number; drop: number };
  steps: {
    id: string;
    action: StepAction;
    phase?: 'drop' | 'create';
    object_kind: ObjectKind | ContainerKind;
    name: ObjectName;
    display_name: string;
    reason?: string;
    fields: { field: string; before?: unknown; after?: unknown }[];
    hazards: { code: string; message: string }[];
    statements: { kind: StatementKind; sql: string; secret_source?: string }[];
  }[];
  unmanaged: { id: string; object_kind: ObjectKind; name: ObjectName; display_name: string }[];
  catalog_fingerprints: Record<string, string>;
  warnings: string[];
  /** Saved plans only (`plan --out`). */
  saved?: SavedPlanJson;
}

/** The `saved` member of a plan file. */
export interface SavedPlanJson {
  manifest: string[];
  environment?: string;
  prune: boolean;
  rotate_secrets: string[];
  dependents: Record<string, string[]>;
  seal?: string;
}

export function toSavedPlanJson(context: SavedPlanContext): SavedPlanJson {
  return {
    manifest: [...context.manifest],
    ...(context.environment !== undefined ? { environment: context.environment } : {}),
    prune: context.prune,
    rotate_secrets: [...context.rotateSecrets],
    dependents: Object.fromEntries(Object.entries(context.dependents).map(([id, deps]) => [id, [...deps]])),
    ...(context.seal !== undefined ? { seal: context.seal } : {}),
  };
}

/** Plain JSON data; values such as SecretValue become their JSON form (the source, never the value). */
export function toPlanFile(plan: Plan): PlanFile {
  const plain = <T>(v: T): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  return {
    format_version: plan.formatVersion,
    changes_present: plan.steps.length > 0,
    summary: { ...plan.summary },
    steps: plan.steps.map((s) => ({
      id: s.id,
      action: s.action,
      ...(s.phase ? { phase: s.phase } : {}),
      object_kind: s.objectKind,
      name: nameOf(s.name),
      display_name: displayName(s.name),
      ...(s.reason !== undefined ? { reason: s.reason } : {}),
      fields: s.fields.map((f) => ({
        field: f.field,
        ...(f.before !== undefined ? { before: plain(f.before) } : {}),
        ...(f.after !== undefined ? { after: plain(f.after) } : {}),
      })),
      hazards: s.hazards.map((h) => ({ code: h.code, message: h.message })),
      statements: s.statements.map((st) => ({
        kind: st.kind,
        sql: st.sql,
        ...(st.secret ? { secret_source: st.secret.toJSON().source } : {}),
      })),
    })),
    unmanaged: plan.unmanaged.map((u) => ({ id: u.id, object_kind: u.objectKind, name: nameOf(u.name), display_name: displayName(u.name) })),
    catalog_fingerprints: { ...plan.catalogFingerprints },
    warnings: [...plan.warnings],
  };
}

export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(toPlanFile(plan), null, 2)}\n`;
}

/** What `plan --out` writes: the plan and what apply needs to prove it runs that plan. */
export function serializeSavedPlan(plan: Plan, context: SavedPlanContext): string {
  return `${JSON.stringify({ ...toPlanFile(plan), saved: toSavedPlanJson(context) }, null, 2)}\n`;
}

/** A plan file as read back: the plan to show (its statements carry no secret value and are never run), the steps as written, and the saved context. */
export interface LoadedPlanFile {
  readonly plan: Plan;
  readonly steps: unknown;
  readonly saved?: SavedPlanContext;
}

function nameOf(n: ObjectName): ObjectName {
  return { database: n.database, schema: n.schema, name: n.name };
}

/** Reads a plan file to show it. Throws InputError naming the file for anything malformed or from another format version. */
export function deserializePlan(text: string, file: string): Plan {
  return readPlanFile(text, file).plan;
}

/** Reads a plan file with its `saved` context, if any. Throws InputError naming the file for anything malformed. */
export function readPlanFile(text: string, file: string): LoadedPlanFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError('plan-file.invalid', `${file}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const bad = (what: string) => new InputError('plan-file.invalid', `${file}: ${what}`);
  const root = record(data, bad, 'the plan');
  if (root.format_version !== PLAN_FORMAT_VERSION) {
    throw new InputError('plan-file.version', `${file}: format_version ${String(root.format_version)} is not supported (this mzform reads ${PLAN_FORMAT_VERSION})`);
  }
  const summary = record(root.summary, bad, 'summary');
  const steps = array(root.steps, bad, 'steps').map((raw, i): Step => {
    const s = record(raw, bad, `steps[${i}]`);
    const name = objectName(s.name, bad, `steps[${i}].name`);
    const action = oneOf(s.action, ['create', 'alter', 'replace', 'drop'] as const, bad, `steps[${i}].action`);
    const objectKind = oneOf(s.object_kind, [...OBJECT_KINDS, ...CONTAINER_KINDS], bad, `steps[${i}].object_kind`);
    const statements = array(s.statements, bad, `steps[${i}].statements`).map((rawSt, j): Statement => {
      const st = record(rawSt, bad, `steps[${i}].statements[${j}]`);
      const sql = string(st.sql, bad, `steps[${i}].statements[${j}].sql`);
      const kind = string(st.kind, bad, `steps[${i}].statements[${j}].kind`) as StatementKind;
      if (st.secret_source !== undefined) string(st.secret_source, bad, `steps[${i}].statements[${j}].secret_source`);
      return makeStatement(kind, objectKind, name, sql);
    });
    const hazards = array(s.hazards, bad, `steps[${i}].hazards`).map((rawH, j): Hazard => {
      const h = record(rawH, bad, `steps[${i}].hazards[${j}]`);
      const code = oneOf(h.code, Object.keys(HAZARD_CODES) as HazardCode[], bad, `steps[${i}].hazards[${j}].code`);
      return { code, message: string(h.message, bad, `steps[${i}].hazards[${j}].message`) };
    });
    const fields = array(s.fields ?? [], bad, `steps[${i}].fields`).map((rawF, j) => {
      const f = record(rawF, bad, `steps[${i}].fields[${j}]`);
      return { field: string(f.field, bad, `steps[${i}].fields[${j}].field`), ...('before' in f ? { before: f.before } : {}), ...('after' in f ? { after: f.after } : {}) };
    });
    return {
      id: string(s.id, bad, `steps[${i}].id`),
      action,
      ...(s.phase !== undefined ? { phase: oneOf(s.phase, ['drop', 'create'] as const, bad, `steps[${i}].phase`) } : {}),
      objectKind,
      name,
      statements,
      hazards,
      ...(s.reason !== undefined ? { reason: string(s.reason, bad, `steps[${i}].reason`) } : {}),
      fields,
    };
  });
  const unmanaged = array(root.unmanaged ?? [], bad, 'unmanaged').map((raw, i): UnmanagedObject => {
    const u = record(raw, bad, `unmanaged[${i}]`);
    return { id: string(u.id, bad, `unmanaged[${i}].id`), objectKind: oneOf(u.object_kind, OBJECT_KINDS, bad, `unmanaged[${i}].object_kind`), name: objectName(u.name, bad, `unmanaged[${i}].name`) };
  });
  const fingerprints = record(root.catalog_fingerprints, bad, 'catalog_fingerprints');
  for (const [id, v] of Object.entries(fingerprints)) string(v, bad, `catalog_fingerprints.${id}`);
  const count = (k: string) => {
    const v = summary[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw bad(`summary.${k} must be a count`);
    return v;
  };
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    steps,
    unmanaged,
    summary: { create: count('create'), alter: count('alter'), replace: count('replace'), drop: count('drop') },
    catalogFingerprints: fingerprints as Record<string, string>,
    warnings: array(root.warnings ?? [], bad, 'warnings').map((w, i) => string(w, bad, `warnings[${i}]`)),
  };
  return { plan, steps: root.steps, ...(root.saved !== undefined ? { saved: savedContext(root.saved, bad) } : {}) };
}

function savedContext(v: unknown, bad: Bad): SavedPlanContext {
  const r = record(v, bad, 'saved');
  if (typeof r.prune !== 'boolean') throw bad('saved.prune must be true or false');
  const dependents = record(r.dependents, bad, 'saved.dependents');
  return {
    manifest: array(r.manifest, bad, 'saved.manifest').map((m, i) => string(m, bad, `saved.manifest[${i}]`)),
    ...(r.environment !== undefined ? { environment: string(r.environment, bad, 'saved.environment') } : {}),
    prune: r.prune,
    rotateSecrets: array(r.rotate_secrets, bad, 'saved.rotate_secrets').map((n, i) => string(n, bad, `saved.rotate_secrets[${i}]`)),
    dependents: Object.fromEntries(Object.entries(dependents).map(([id, deps]) => [id, array(deps, bad, `saved.dependents.${id}`).map((d, i) => string(d, bad, `saved.dependents.${id}[${i}]`))])),
    ...(r.seal !== undefined ? { seal: string(r.seal, bad, 'saved.seal') } : {}),
  };
}

type Bad = (what: string) => InputError;

function record(v: unknown, bad: Bad, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw bad(`${what} must be an object`);
  return v as Record<string, unknown>;
}
function array(v: unknown, bad: Bad, what: string): unknown[] {
  if (!Array.isArray(v)) throw bad(`${what} must be an array`);
  return v;
}
function string(v: unknown, bad: Bad, what: string): string {
  if (typeof v !== 'string') throw bad(`${what} must be a string`);
  return v;
}
function oneOf<T extends string>(v: unknown, values: readonly T[], bad: Bad, what: string): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw bad(`${what} must be one of ${values.join(', ')}`);
  return v as T;
}
function objectName(v: unknown, bad: Bad, what: string): ObjectName {
  const r = record(v, bad, what);
  return { database: string(r.database, bad, `${what}.database`), schema: string(r.schema, bad, `${what}.schema`), name: string(r.name, bad, `${what}.name`) };
}
