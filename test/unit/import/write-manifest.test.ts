import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toActualState } from '../../../src/catalog/index.js';
import { writeManifest } from '../../../src/import/index.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { type MzObject, displayName } from '../../../src/model/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { loadDesired, planChanges } from '../../../src/pipeline/index.js';
import { catalogRowsFor } from './catalog-rows.js';

const examples = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).sort();
const anyValue = new Proxy({} as Record<string, string | undefined>, { get: (_t, name) => `value-of-${String(name)}` });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mzform-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The example's objects as if created by hand, imported, loaded back and planned. */
async function importExample(file: string, tweak: (o: MzObject) => MzObject = (o) => o) {
  const desired = await loadDesired(`examples/${file}`, anyValue);
  const objects = desired.objects.map(tweak);
  const actual = toActualState(catalogRowsFor(objects));
  const result = writeManifest(actual, { schemas: desired.scope, objects: [] });
  const path = join(dir, file);
  await writeFile(path, result.manifest);
  const env = Object.fromEntries(result.variables.map((v) => [v.variable, `set-${v.variable}`]));
  const imported = await loadManifest(path, { env });
  return { objects, actual, result, imported, env };
}

describe('mzform import', () => {
  it.each(examples)('%s: imported, then plan shows no changes', async (file) => {
    const { actual, result, imported, env } = await importExample(file);
    const plan = planChanges(imported, actual, { env });
    expect(plan.steps).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
    expect(renderPlanText(plan)).toMatch(/No changes\.\n$/);
    // Every object came back, with the same names.
    expect(imported.objects.map((o) => displayName(o.name)).sort()).toEqual(actual.objects.map((o) => displayName(o.object.name)).sort());
    // One variable per secret, each named in the manifest.
    const secrets = actual.objects.filter((o) => o.object.kind === 'secret');
    expect(result.variables).toHaveLength(secrets.length);
    for (const v of result.variables) expect(result.manifest).toContain(`\${env:${v.variable}}`);
  });

  it.each(examples)('%s: with MZFORM_FINGERPRINT_KEY set, the only steps set each secret once (no fingerprint stored yet)', async (file) => {
    const { actual, imported, env } = await importExample(file);
    const plan = planChanges(imported, actual, { env: { ...env, MZFORM_FINGERPRINT_KEY: 'k' } });
    const secrets = actual.objects.filter((o) => o.object.kind === 'secret').length;
    expect(plan.steps).toHaveLength(secrets);
    for (const step of plan.steps) {
      expect(step.objectKind).toBe('secret');
      expect(step.reason).toBe('no fingerprint is stored, so the current value is unknown');
    }
  });

  it.each(examples)('%s: comments and owners are kept, and the same catalog gives the same bytes', async (file) => {
    let i = 0;
    const { result, imported, actual, env } = await importExample(file, (o) => ({ ...o, comment: `Managed by team ${i}: "quoted" # not a YAML comment`, owner: `role_${i++}` }));
    expect(planChanges(imported, actual, { env }).steps).toEqual([]);
    for (const o of imported.objects) {
      expect(o.comment).toMatch(/^Managed by team \d+: "quoted" # not a YAML comment$/);
      expect(o.owner).toMatch(/^role_\d+$/);
    }
    expect(writeManifest(actual, { schemas: imported.scope, objects: [] }).manifest).toBe(result.manifest);
  });
});
