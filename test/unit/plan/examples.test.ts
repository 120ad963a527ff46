import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { secretFingerprint } from '../../../src/diff/index.js';
import type { ActualObject, ActualState, Connection, DesiredState, MzObject, ObjectName, Source, Table } from '../../../src/model/index.js';
import { nameKey, referencesOf } from '../../../src/model/index.js';
import { loadDesired, planChanges } from '../../../src/pipeline/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { parseCreateSql, parseStatement } from '../../../src/sql/index.js';

const KEY = 'examples-key';
/** Every `${env:NAME}` resolves to a value derived from its name. */
const env = new Proxy({} as Record<string, string | undefined>, { get: (_t, name) => (name === 'MZFORM_FINGERPRINT_KEY' ? KEY : `value-of-${String(name)}`) });
const examples = readdirSync('examples').filter((f) => f.endsWith('.yaml')).sort();

/**
 * The catalog as it would be after applying `desired`: each object's CREATE
 * rendered, then read back through the create_sql parser, with dependencies
 * from its references and the fingerprint comment a secret gets.
 */
function appliedCatalog(desired: DesiredState): ActualState {
  const ids = new Map(desired.objects.map((o, i) => [nameKey(o.name), `u${i + 1}`]));
  const objects: ActualObject[] = desired.objects.map((o) => {
    const id = ids.get(nameKey(o.name)) as string;
    const dependsOn = [...new Set(referencesOf(o).map((r) => ids.get(nameKey(r.target)) as string))].sort();
    const meta = { ...(o.comment !== undefined ? { comment: o.comment } : {}), ...(o.owner !== undefined ? { owner: o.owner } : {}) };
    if (o.kind === 'secret') {
      const fp = o.value ? secretFingerprint(KEY, o.name, o.value) : undefined;
      return { id, object: { kind: 'secret', name: o.name, ...meta }, dependsOn, outputs: {}, fingerprint: id, ...(fp ? { secretFingerprint: { state: 'stored' as const, fingerprint: fp } } : {}) };
    }
    const sql = renderedCreate(o);
    // A table's statement does not say its source's type: the catalog row does (mz_tables.source_id).
    const sourceTypeOf = (n: ObjectName) => desired.objects.find((s): s is Source => s.kind === 'source' && nameKey(s.name) === nameKey(n))?.spec.type;
    const parsed = parseCreateSql(sql, { defaultDatabase: o.name.database, defaultSchema: o.name.schema, objectName: o.name, sourceTypeOf });
    return { id, object: { ...parsed.object, ...meta } as MzObject, dependsOn, outputs: {}, fingerprint: id };
  });
  return { objects, foreign: [] };
}

function renderedCreate(o: Connection | Source | Table): string {
  const plan = planChanges({ file: 'x', objects: [o], scope: [], prune: false, locations: new Map() }, { objects: [], foreign: [] }, { env: {} });
  return plan.steps[0]?.statements[0]?.sql as string;
}

describe.each(examples)('example %s', (file) => {
  it('from empty: creates everything, each after what it references', async () => {
    const desired = await loadDesired(`examples/${file}`, env);
    const plan = planChanges(desired, { objects: [], foreign: [] }, { env });
    expect(plan.summary).toEqual({ create: desired.objects.length, alter: 0, replace: 0, drop: 0 });
    const position = new Map(plan.steps.map((s, i) => [nameKey(s.name), i]));
    for (const object of desired.objects) {
      for (const ref of referencesOf(object)) expect(position.get(nameKey(ref.target))).toBeLessThan(position.get(nameKey(object.name)) as number);
    }
    for (const step of plan.steps) for (const st of step.statements) expect(() => parseStatement(st.sql)).not.toThrow();
    expect(renderPlanText(plan)).not.toContain('value-of-');
  });

  it('after apply: no changes', async () => {
    const desired = await loadDesired(`examples/${file}`, env);
    const plan = planChanges(desired, appliedCatalog(desired), { env });
    expect(renderPlanText(plan)).toBe('No changes.\n');
  });

  it('a comment change on each object: exactly one statement', async () => {
    const desired = await loadDesired(`examples/${file}`, env);
    const actual = appliedCatalog(desired);
    for (const object of desired.objects) {
      const changed = { ...desired, objects: desired.objects.map((o) => (o === object ? { ...o, comment: 'changed by test' } : o)) };
      const plan = planChanges(changed, actual, { env });
      expect(plan.steps.map((s) => `${s.action} ${s.statements.map((st) => st.kind).join(',')}`)).toEqual(['alter comment']);
    }
  });
});

describe.each(examples)('example %s: replaces', (file) => {
  it('a cluster change re-creates the source, with the hazard', async () => {
    const desired = await loadDesired(`examples/${file}`, env);
    const actual = appliedCatalog(desired);
    for (const object of desired.objects.filter((o): o is Source => o.kind === 'source')) {
      const changed = { ...desired, objects: desired.objects.map((o) => (o === object ? { ...object, cluster: 'other_cluster' } : o)) };
      const plan = planChanges(changed, actual, { env });
      // Its tables from the source go with it: dropped first, created after it.
      const tables = desired.objects.filter((t) => t.kind === 'table' && nameKey(t.source) === nameKey(object.name)).map((t) => nameKey(t.name));
      const own = plan.steps.filter((s) => nameKey(s.name) === nameKey(object.name));
      expect(own.map((s) => `${s.action}/${s.phase}`)).toEqual(['replace/drop', 'replace/create']);
      expect(own[0]?.hazards.map((h) => h.code)).toContain('source-recreate');
      expect(own[1]?.fields.map((f) => f.field)).toEqual(['cluster']);
      const others = plan.steps.filter((s) => nameKey(s.name) !== nameKey(object.name));
      expect(new Set(others.map((s) => nameKey(s.name)))).toEqual(new Set(tables));
      expect(others.every((s) => s.action === 'replace')).toBe(true);
      const at = (phase: string) => plan.steps.findIndex((s) => nameKey(s.name) === nameKey(object.name) && s.phase === phase);
      for (const t of others) expect(plan.steps.indexOf(t)).toSatisfy((i: number) => (t.phase === 'drop' ? i < at('drop') : i > at('create')));
    }
  });

  it('a change ALTER cannot make replaces the connection and everything that depends on it', async () => {
    const desired = await loadDesired(`examples/${file}`, env);
    const actual = appliedCatalog(desired);
    for (const object of desired.objects.filter((o): o is Connection => o.kind === 'connection')) {
      const spec = object.spec;
      const fixed =
        spec.type === 'kafka' ? { ...spec, progressTopic: 'changed-progress-topic' } : 'path' in spec && spec.path ? { ...spec, path: undefined } : undefined;
      if (!fixed) continue;
      const changed = { ...desired, objects: desired.objects.map((o) => (o === object ? ({ ...object, spec: fixed } as Connection) : o)) };
      const plan = planChanges(changed, actual, { env });
      const dependents = transitiveDependents(actual, actual.objects.find((a) => nameKey(a.object.name) === nameKey(object.name))?.id as string);
      expect(plan.summary.replace).toBe(1 + dependents.length);
      expect(plan.steps.every((s) => s.action === 'replace')).toBe(true);
      // Drops come before creates, dependents dropped first and created last.
      const phases = plan.steps.map((s) => s.phase);
      expect(phases.lastIndexOf('drop')).toBeLessThan(phases.indexOf('create'));
      const sources = dependents.filter((d) => d.object.kind === 'source');
      const codes = plan.steps.flatMap((s) => s.hazards.map((h) => h.code));
      if (sources.length > 0) expect(codes).toContain('connection-replace-with-sources');
    }
  });
});

function transitiveDependents(actual: ActualState, id: string): ActualObject[] {
  const found = new Map<string, ActualObject>();
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const o of actual.objects) if (o.dependsOn.includes(current) && !found.has(o.id)) (found.set(o.id, o), queue.push(o.id));
  }
  return [...found.values()];
}
