import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toActualState } from '../../../src/catalog/index.js';
import { writeManifest } from '../../../src/import/index.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { planChanges } from '../../../src/pipeline/index.js';
import { catalogRowsFor } from './catalog-rows.js';
import { objectsOfScript } from './seed-scripts.js';

/**
 * The seed scenarios as a user would have typed them (test/fixtures/import),
 * read into objects, put in a catalog, imported: the manifest loads and plans
 * to no changes. The same files seed the emulator in test/integration/ci.
 */
const scenarios = readdirSync('test/fixtures/import').filter((f) => f.endsWith('.sql')).sort();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mzform-seeds-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('import of every seed scenario', () => {
  it.each(scenarios)('%s: import, then plan shows no changes', async (file) => {
    const objects = objectsOfScript(readFileSync(join('test/fixtures/import', file), 'utf8'));
    const actual = toActualState(catalogRowsFor(objects));
    const result = writeManifest(actual, { schemas: [{ database: 'materialize', schema: 'public' }], objects: [] });
    const path = join(dir, file.replace(/\.sql$/, '.yaml'));
    await writeFile(path, result.manifest);
    const env = Object.fromEntries(result.variables.map((v) => [v.variable, 'x']));
    const desired = await loadManifest(path, { env });
    const plan = planChanges(desired, actual, { env });
    expect(plan.steps).toEqual([]);
    expect(desired.objects).toHaveLength(objects.length);
    expect(result.variables.map((v) => v.variable)).toEqual(
      objects.filter((o) => o.kind === 'secret').map((o) => o.name.name.toUpperCase()).sort(),
    );
  });
});
