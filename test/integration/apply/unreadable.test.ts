import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toActualState } from '../../../src/catalog/index.js';
import { connect } from '../../../src/db/index.js';
import { writeManifest } from '../../../src/import/index.js';
import { readLiveCatalogRows } from '../../../src/pipeline/index.js';
import { apply, planAgainst } from './common.js';
import { type Emulator, startEmulator } from './emulator.js';

/**
 * An object in a form mzform does not model (here a load generator whose
 * columns are renamed by a column list)
 * in a schema the manifest manages: plan, apply and import go on, the object
 * is kept and named as not managed; declaring it is refused before anything runs.
 */
const manifest = (extra = '') => `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
sources:
  ticks:
    type: load-generator
    generator: counter
${extra}`;

describe('an object mzform cannot read', () => {
  let emulator: Emulator;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), 'mzform-unreadable-'));
    file = join(dir, 'materialize.yaml');
    const db = await connect({ url: emulator.url, env: {} });
    await db.execute('CREATE SOURCE kv (n) FROM LOAD GENERATOR COUNTER');
    await db.close();
  });
  afterAll(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is kept and named in the plan; apply and a second plan go on', async () => {
    writeFileSync(file, manifest());
    const first = await apply(emulator.url, file);
    expect(first.report.outcome).toBe('applied');
    const plan = await planAgainst(emulator.url, file, { prune: true });
    expect(plan.steps).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
    expect(plan.warnings.join('\n')).toMatch(/^source materialize\.public\.kv \(u\d+\) is kept and not managed: mzform cannot read its definition \(/m);
    const rows = await readLiveCatalogRows({ url: emulator.url, env: {} });
    expect(rows.objects.map((o) => o.name)).toContain('kv');
  });

  it('import writes the rest and says what it left out', async () => {
    const rows = await readLiveCatalogRows({ url: emulator.url, env: {} });
    const result = writeManifest(toActualState(rows), { schemas: [{ database: 'materialize', schema: 'public' }], objects: [] });
    expect(result.objects.map((o) => o.name.name)).toEqual(['ticks']);
    expect(result.notes.join('\n')).toMatch(/source materialize\.public\.kv was not imported: mzform cannot read its definition/);
  });

  it('declaring it is refused before anything runs, naming it', async () => {
    writeFileSync(file, manifest('  kv:\n    type: load-generator\n    generator: counter\n'));
    await expect(planAgainst(emulator.url, file)).rejects.toThrow(/source materialize\.public\.kv \(u\d+\)/);
  });
});
